"""Domain operations: each public function is one rule-keeping write, in one transaction."""
