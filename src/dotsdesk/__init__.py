"""dotsdesk: qualitative research that ends in writing."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dotsdesk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"
