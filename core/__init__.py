"""Plumbing every app uses: the API's error shape and codes, parsing, authentication,
throttles, conditional reads, pagination, request middleware, health and account endpoints.
Imports no app of ours; apps import it."""
