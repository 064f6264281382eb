"""Credentials a vendor publishes as examples in its own documentation: nobody's keys.

AWS's documentation signs every example request with the access key ``AKIAIOSFODNN7EXAMPLE`` and the secret
``wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`` (and keys of the same form ending in ``EXAMPLE``); a signer's self-test
that checks itself against AWS's published signature uses them (rspamd's ``lua_aws.lua``). A key in AWS's format
without the ``EXAMPLE`` ending is reported as any key is.
"""

from __future__ import annotations

import re

# an access key id ending in EXAMPLE, a 40-character secret ending in EXAMPLEKEY
_AWS_EXAMPLE = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{8,12}EXAMPLE\b|(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{30}EXAMPLEKEY\b")


def published_example(secret: str, line: str) -> bool:
    """The secret found is an AWS documentation key; when its value was not kept, the line it was found on holds one."""
    if secret:
        return bool(_AWS_EXAMPLE.fullmatch(secret.strip("\"'")))
    return bool(_AWS_EXAMPLE.search(line))
