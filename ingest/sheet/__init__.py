"""The coding sheet: its sheets and columns (one table), reading and writing it."""
