"""Impact pages, one module a subject: the funder's dashboard, surveys (and the public answer
page), impact cards with their PDF, and change stories. Each view is thin: it calls the impact
services and selectors."""
