"""Benchmarks and accuracy harnesses (run by hand, not by the test suite)."""
