"""``shipgate demo``: the dten story (README, Quick start), built and verified end to end in a temporary directory."""
