"""Measuring the work matcher on the knowledge base's own works (issue 10, part 3)."""
