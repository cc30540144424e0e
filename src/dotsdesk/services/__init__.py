"""Use cases in plain Python, grouped by domain. Each takes a Session already inside a
transaction (`Project.write()`), so one user action, however many calls, commits once.

May import `store`, `model`, `errors` and `resources`; never importers, exporters, ui or cli.
Within services the domains point one way: corpus <- coding <- consent <- composer; `browser/`
reads across corpus, coding and consent; the top-level `counts` and `sample` span them all.
"""
