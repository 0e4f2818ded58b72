"""Guidance: checklists, the decision aid and the handout for the person."""
