"""Answers built only from verified quotes: scope -> evidence -> verdict -> compose -> verify."""
