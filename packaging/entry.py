"""The bundle's entry point: the same `dotsdesk` command as the installed package."""

import sys

from dotsdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
