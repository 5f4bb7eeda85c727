"""Indonesian number words -> int ("dua ratus lima puluh" -> 250)."""
