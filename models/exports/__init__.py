"""Files people take away: CSV and Excel, formula-safe."""
