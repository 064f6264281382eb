"""``shipgate demo``: the DESIGN story, built and verified end to end in a temporary directory."""
