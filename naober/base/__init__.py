"""Foundation shared by every app and depending on none: cross-cutting domain vocabulary such as
the refusals a service may raise (errors.py). Nothing here imports another naober package."""
