"""Open311 GeoReport v2 under /open311/v2/, in JSON and XML: the store's public face.

formats.py renders JSON or XML; public.py decides what of a request the public may see
(the privacy-critical part); reads.py answers the GETs (discovery, services, requests);
submission.py takes the POSTed requests. common.py holds the router they share."""

from app.server.open311 import reads, submission
from app.server.open311.common import router
from app.server.open311.formats import error_response

__all__ = ["error_response", "reads", "router", "submission"]
