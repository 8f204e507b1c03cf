"""Relais: the console of Montréal's 311 agents and Bureau Accès Montréal clerks."""

__version__ = "0.1.0"
