"""Events other systems react to, delivered to a webhook: ``verdict.recorded``, ``verdict.superseded``,
``trust.changed``, ``advisory.applied``, ``feed.rejected``.

Each event is written to the store's outbox in the transaction of the change it reports
(``shipgate/store/_outbox.py``), by whichever process made the change; ``shipgate serve`` delivers the
outbox (:class:`Deliverer`) to ``[events] webhook``, HMAC-SHA256 signed (:mod:`.webhook`), in order, with
retries and backoff, each delivery recorded in the store. docs/admission.md ("Events") shows the body.
"""

from __future__ import annotations

from shipgate.events.delivery import Deliverer
from shipgate.events.settings import EventSettings
from shipgate.events.webhook import SIGNATURE_HEADER, signature, verify_signature

__all__ = ["SIGNATURE_HEADER", "Deliverer", "EventSettings", "signature", "verify_signature"]
