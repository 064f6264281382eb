"""Classes whole real packages showed (docs/preflight.md): configuration a package offers but does not put in
effect. Each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

from preflight_kit import codes_at, package, run, script

from shipgate.findings import Severity

ENDPOINT = "preflight.external_endpoint"
SITE = "server {\n    listen 80;\n    location / {\n        proxy_pass https://backend.vendor-cloud.io;\n    }\n}\n"
ACTION = "[Definition]\nactionban = curl -s https://api.blocklist.vendor-cloud.io/report?ip=<ip>\n"
JAIL = "[DEFAULT]\nbanaction = iptables\naction = %(banaction)s[name=%(__name__)s]\n\n[sshd]\nenabled = true\n"


# --- optional configuration: what it names is offered, not contacted ---


def test_a_site_kept_in_sites_available_is_offered() -> None:
    assert codes_at({"etc/nginx/sites-available/proxy": SITE}, ENDPOINT) == []
    # near miss: the package links it into sites-enabled itself
    postinst = script("ln -s /etc/nginx/sites-available/proxy /etc/nginx/sites-enabled/proxy")
    assert codes_at({"etc/nginx/sites-available/proxy": SITE, "postinst": postinst}, ENDPOINT) == [4]


def test_a2enconf_in_a_loop_puts_the_listed_parts_in_effect() -> None:
    conf = "ProxyPass /app https://backend.vendor-cloud.io/app\n"
    files: dict[str, str | bytes] = {
        "etc/apache2/conf-available/app.conf": conf,
        "etc/apache2/conf-available/extra.conf": conf,
        "postinst": script("for conf in app other; do", "  a2enconf -q $conf", "done"),
    }
    found = run(package(files))
    assert [f.path for f in found if f.code == ENDPOINT and f.severity > Severity.LOW] == [
        "etc/apache2/conf-available/app.conf"
    ]
    offered = [f for f in found if f.code == ENDPOINT and f.path == "etc/apache2/conf-available/extra.conf"]
    assert [f.severity for f in offered] == [Severity.INFO] and "offers" in offered[0].message
    # near miss: the same file shipped in conf-enabled/ is in effect
    assert codes_at({"etc/apache2/conf-enabled/extra.conf": conf}, ENDPOINT) == [1]


def test_a_fail2ban_action_no_jail_names_is_offered() -> None:
    files: dict[str, str | bytes] = {
        "etc/fail2ban/jail.conf": JAIL,
        "etc/fail2ban/action.d/iptables.conf": "[Definition]\nactionban = iptables -I f2b-<name> 1 -s <ip> -j DROP\n",
        "etc/fail2ban/action.d/blocklist.conf": ACTION,
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: a jail enabled in jail.d names it (through its banaction), and the action is in effect
    files["etc/fail2ban/jail.d/local.conf"] = "[sshd]\nbanaction = blocklist\n"
    assert codes_at(files, ENDPOINT) == [2]


def test_an_action_a_disabled_jail_names_stays_offered() -> None:
    jail = JAIL + "\n[recidive]\naction = blocklist\n"
    files: dict[str, str | bytes] = {"etc/fail2ban/jail.conf": jail, "etc/fail2ban/action.d/blocklist.conf": ACTION}
    assert codes_at(files, ENDPOINT) == []
    files["etc/fail2ban/jail.conf"] = jail.replace("action = blocklist", "enabled = true\naction = blocklist")
    assert codes_at(files, ENDPOINT) == [2]


def test_a_sample_beside_the_real_file_is_offered() -> None:
    real = "feed_url = https://updates.vendor-cloud.io/feed\n"
    sample = "feed_url = https://mirror.vendor-cloud.io/feed\n"
    files: dict[str, str | bytes] = {"etc/dten/dten.conf": real, "etc/dten/dten.conf.example": sample}
    assert [f.path for f in run(package(files)) if f.code == ENDPOINT and f.severity > Severity.LOW] == [
        "etc/dten/dten.conf"
    ]
    # near miss: a sample with no real file beside it is the configuration an install starts from
    assert codes_at({"etc/dten/dten.conf.example": sample}, ENDPOINT) == [1]
