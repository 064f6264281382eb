"""The status page's content: what it reads from the store (:mod:`.snapshot`), how it renders (:mod:`.render`),
its stylesheet and script (:mod:`.assets`). The routes are :mod:`shipgate.service.http.status`; the uploads in
progress come from :mod:`shipgate.service.activity`."""
