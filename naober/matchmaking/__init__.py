"""The Django layer of the matching engine: encode offers and requests, keep an index per
community, rank suggestions, plan a batch, geocode people. The maths live in naober.matching."""
