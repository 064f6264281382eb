"""Classes of mistakes the hundred-and-first hold-out set found (tests/preflight/holdout101: container entrypoints
and start scripts of self-hosted images, a second sample), each as its minimal construct next to a near-miss that
must stay quiet (or stay reported)."""

from __future__ import annotations

from preflight_kit import in_script

PRIVILEGE = "preflight.implicit_privilege"


def test_a_user_variable_the_script_reassigns_is_read_from_its_assignment() -> None:
    # OpenTTD's start script: ``USER=${USER:-"openttd"}`` (Docker sets no $USER), then chown to that account
    assert in_script(PRIVILEGE, 'USER=${USER:-"openttd"}', "chown ${USER}:${USER} -R /home/openttd") == [4]
    assert in_script(PRIVILEGE, "USER=openttd", 'chown -R "$USER" /srv/openttd') == [4]
    # near-misses: $USER the script never assigns is the invoking user; an assignment below the chown does not count
    assert in_script(PRIVILEGE, "chown ${USER}:${USER} -R /home/openttd") == []
    assert in_script(PRIVILEGE, 'chown -R "$USER" /srv/openttd', "USER=openttd") == []


def test_a_docker_daemon_on_tcp_beyond_loopback_without_tlsverify_answers_with_no_login() -> None:
    # the GoCD agent's entrypoint: the Engine API on every interface, no client certificates
    code = "preflight.authentication_disabled"
    open_api = "dockerd --host=unix:///var/run/docker.sock --host=tcp://0.0.0.0:2375 --storage-driver=overlay2 &"
    assert in_script(code, open_api) == [3]
    assert in_script(code, "API=tcp://0.0.0.0:2375", 'dockerd -H "$API" &') == [4]
    assert in_script(code, "dockerd -H tcp://0.0.0.0:2376 --tls --tlscert=/etc/docker/cert.pem &") == [3]
    # near-misses: client certificates required, loopback, the unix socket alone
    assert in_script(code, "dockerd -H tcp://0.0.0.0:2376 --tlsverify --tlscacert=/etc/docker/ca.pem &") == []
    assert in_script(code, "dockerd -H tcp://127.0.0.1:2375 &") == []
    assert in_script(code, "dockerd -H unix:///var/run/docker.sock &") == []


def test_a_docker_daemon_registry_mirror_is_a_host_it_contacts() -> None:
    # the GoCD agent's dockerd pulls every image through Google's public mirror
    code = "preflight.external_endpoint"
    assert in_script(code, "dockerd --registry-mirror=https://mirror.gcr.io &") == [3]
    assert in_script(code, "MIRROR=https://mirror.gcr.io", 'dockerd --registry-mirror "$MIRROR" &') == [4]
    # near-misses: the address the daemon listens on is not a contact; another program's option URL is a mention
    assert in_script(code, "dockerd -H tcp://203.0.113.7:2376 --tlsverify &") == []
    assert in_script(code, "myagent --registry-mirror=https://mirror.gcr.io &") == []


def test_a_dockerize_template_renders_into_its_destination() -> None:
    # the mail stack's Dovecot entrypoint renders its configuration into /etc/dovecot, as root with no root check
    render = [
        "dockerize -template /var/tmp/dovecot/conf.d/:/etc/dovecot/conf.d \\",
        "    -template /var/tmp/dovecot/ldap.conf.ext:/etc/dovecot/ldap.conf.ext",
    ]
    assert in_script(PRIVILEGE, *render) == [3]
    # near-misses: a destination in the application's tree, a template with no destination (rendered to the output)
    assert in_script(PRIVILEGE, "dockerize -template /app/tpl/app.ini.tmpl:/app/conf/app.ini -wait tcp://db:5432") == []
    assert in_script(PRIVILEGE, "dockerize -template /etc/dovecot/dovecot.conf.tmpl cat") == []


def test_a_curl_k_readiness_probe_whose_answer_is_discarded_trusts_nothing() -> None:
    # the GoCD agent waits for its server: the answer goes to /dev/null and the request carries nothing
    code = "preflight.tls_verification_disabled"
    assert in_script(code, 'until curl -ksLo /dev/null "${serverUrl}"', "do", "  sleep 5", "done") == []
    assert in_script(code, "curl -k https://ci.vendor-example.io/go/api/v1/health > /dev/null") == []
    # near-misses: a probe that sends a token or a password, one whose answer is kept, piped or its status read
    bearer = 'curl -k -o /dev/null -H "Authorization: Bearer $TOKEN" https://ci.vendor-example.io/ready'
    assert in_script(code, bearer) == [3]
    assert in_script(code, "curl -k -o /dev/null https://admin:s3cret@ci.vendor-example.io/ready") == [3]
    assert in_script(code, "curl -k -o /tmp/agent.tgz https://ci.vendor-example.io/agent.tgz") == [3]
    assert in_script(code, "curl -k https://ci.vendor-example.io/install.sh | sh") == [3]
    assert in_script(code, 'curl -ks -w "%{http_code}" -o /dev/null https://ci.vendor-example.io/ready') == [3]


def test_chgrp_to_a_group_the_script_created_needs_root() -> None:
    # the mail stack's Dovecot entrypoint: useradd -U makes vmail's group, then the mail store is given to it
    made = ["id -u vmail >/dev/null 2>&1 || useradd -U -M -d /var/vmail vmail", "chgrp -R vmail /var/vmail"]
    assert in_script(PRIVILEGE, *made) == [3, 4]
    assert in_script(PRIVILEGE, "groupadd -g 5000 mailers", "chgrp mailers /srv/mail") == [3, 4]
    # near-misses: a group the account may be in (holdout100), one created only after, a login joining another group
    assert in_script(PRIVILEGE, "chgrp -R docker media") == []
    assert in_script(PRIVILEGE, "chgrp -R vmail /srv/vmail", "groupadd vmail") == [4]
    assert in_script(PRIVILEGE, "useradd -g users bob", "chgrp bob /srv/bob") == [3]
