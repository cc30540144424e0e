"""Use cases in plain Python. Each takes a Session already inside a transaction
(`Project.write()`), so one user action, however many calls, commits once."""
