"""Classes of mistakes the ninth hold-out set found (tests/preflight/holdout9: non-shell package files, fourth
round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

# -- A: a repository its own definition switches off is not contacted ------------------------------------------


def test_a_a_disabled_repo_sections_hosts_are_not_contacted() -> None:
    repo = (
        "[vendor-testing]\nname=Vendor testing\nbaseurl=https://pkgs.vendor.io/testing/$basearch\n"
        "gpgkey=https://pkgs.vendor.io/key.asc\ngpgcheck=1\nenabled=0\n"
    )
    assert findings({"etc/yum.repos.d/vendor.repo": repo}) == []
    deb822 = "Types: deb\nURIs: https://apt.vendor.io/debian\nSuites: stable\nComponents: main\nEnabled: no\n"
    assert findings({"etc/apt/sources.list.d/vendor.sources": deb822}) == []


def test_a_only_the_disabled_sections_of_a_file_are_set_aside() -> None:
    repo = (
        "[vendor]\nbaseurl=https://pkgs.vendor.io/stable/$basearch\ngpgcheck=1\n\n"
        "[vendor-testing]\nbaseurl=https://testing.vendor.io/$basearch\ngpgcheck=1\nenabled=0\n\n"
        "[vendor-extras]\nbaseurl=https://extras.vendor.io/$basearch\ngpgcheck=1\nenabled=1\n"
    )
    assert findings({"etc/yum.repos.d/vendor.repo": repo}) == [
        ("preflight.external_endpoint", 2),
        ("preflight.external_endpoint", 11),
    ]
    deb822 = (
        "Types: deb\nURIs: https://apt.vendor.io/debian\nSuites: stable\nComponents: main\n\n"
        "Types: deb\nURIs: https://beta.vendor.io/debian\nSuites: beta\nComponents: main\nEnabled: no\n"
    )
    assert findings({"etc/apt/sources.list.d/vendor.sources": deb822}) == [("preflight.external_endpoint", 2)]


def test_a_enabled_repositories_are_still_contacted() -> None:
    repo = "[vendor]\nbaseurl=https://pkgs.vendor.io/stable/$basearch\ngpgcheck=1\nenabled=1\n"
    assert findings({"etc/yum.repos.d/vendor.repo": repo}) == [("preflight.external_endpoint", 2)]
    deb822 = "Types: deb\nURIs: https://apt.vendor.io/debian\nSuites: stable\nEnabled: yes\n"
    assert findings({"etc/apt/sources.list.d/vendor.sources": deb822}) == [("preflight.external_endpoint", 2)]


def test_a_a_disabled_section_keeps_its_signature_finding() -> None:
    """``enabled=0`` is one ``--enablerepo`` away: unsigned packages there are still reported."""
    repo = "[vendor-testing]\nbaseurl=https://testing.vendor.io/$basearch\ngpgcheck=0\nenabled=0\n"
    assert findings({"etc/yum.repos.d/vendor.repo": repo}) == [("preflight.signature_verification_disabled", 3)]


# -- B: a password given as a directive's argument, or as a .pgpass field -------------------------------------


def test_b_directive_passwords_and_pgpass_entries_are_credentials() -> None:
    redis = "bind 127.0.0.1\nrequirepass Sup3rS3cretPass\nmasterauth Sup3rS3cretPass\n"
    assert findings({"etc/redis/redis.conf": redis}) == [
        ("preflight.hardcoded_credential", 2),
        ("preflight.hardcoded_credential", 3),
    ]
    haproxy = (
        "userlist admins\n\tuser admin insecure-password Sup3rS3cretPass\nlisten stats\n\tstats auth admin:S3cret99\n"
    )
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == [
        ("preflight.hardcoded_credential", 2),
        ("preflight.hardcoded_credential", 4),
    ]
    assert findings({"root/.pgpass": "db.internal:5432:app:app:Sup3rS3cretPass\n"}) == [
        ("preflight.hardcoded_credential", 1)
    ]


def test_b_commented_hashed_and_empty_ones_are_not() -> None:
    redis = '# requirepass foobared\nrequirepass ""\nmaxmemory 2gb\n'
    assert findings({"etc/redis/redis.conf": redis}) == []
    haproxy = "userlist admins\n\tuser admin password $6$salt$R3allyL0ngCryptHashValue\n\t# stats auth admin:mystats\n"
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == []
    assert findings({"root/.pgpass": "# host:port:db:user:password\nlocalhost:5432:*:app:*\n"}) == []
    assert findings({"docs/ports.txt": "db.internal:5432:app:app:Sup3rS3cretPass\n"}) == []


# -- C: a cron job's command is checked like a script's: a download piped into a shell ------------------------


def test_c_a_cron_job_that_pipes_a_download_into_a_shell() -> None:
    cron_d = "*/5 * * * * root curl -fsSL https://get.vendor.io/agent.sh | sh\n"
    assert findings({"etc/cron.d/vendor": cron_d}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.pipe_to_shell", 1),
        ("preflight.scheduled_job", 1),
    ]
    user_crontab = "0 3 * * * wget -qO- https://get.vendor.io/update.sh | bash\n"  # no user field: wget is the command
    assert findings({"docker/crontab": user_crontab}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.pipe_to_shell", 1),
        ("preflight.scheduled_job", 1),
    ]


def test_c_a_cron_job_that_saves_a_download_or_runs_a_local_program_is_only_a_job() -> None:
    cron_d = "0 4 * * * root curl -fsSL -o /var/lib/vendor/feed.json https://feed.vendor.io/v1\n"
    assert findings({"etc/cron.d/vendor": cron_d}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.scheduled_job", 1),
    ]
    assert findings({"crontab": "0 3 * * * backup /usr/local/bin/nightly --full\n"}) == [("preflight.scheduled_job", 1)]


# -- D: TLS verification switched off in a Go client's tls settings or an HAProxy server line ------------------


def test_d_skip_verify_settings_and_haproxy_verify_none() -> None:
    prometheus = "scrape_configs:\n  - job_name: node\n    tls_config:\n      insecure_skip_verify: true\n"
    assert findings({"etc/prometheus/prometheus.yml": prometheus}) == [("preflight.tls_verification_disabled", 4)]
    assert findings({"traefik.toml": "[serversTransport]\n  insecureSkipVerify = true\n"}) == [
        ("preflight.tls_verification_disabled", 2)
    ]
    assert findings({"etc/vault.d/vault.hcl": 'storage "consul" {\n  tls_skip_verify = "true"\n}\n'}) == [
        ("preflight.tls_verification_disabled", 2)
    ]
    haproxy = "backend app\n\tserver s1 10.0.0.5:443 ssl verify none check\n"
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == [("preflight.tls_verification_disabled", 2)]


def test_d_verification_left_on_or_commented_is_quiet() -> None:
    prometheus = "tls_config:\n  insecure_skip_verify: false\n  # insecure_skip_verify: true\n"
    assert findings({"etc/prometheus/prometheus.yml": prometheus}) == []
    haproxy = "backend app\n\tserver s1 10.0.0.5:443 ssl verify required ca-file /etc/ssl/ca.pem\n"
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == []


# -- E: hosts given as an inline list, an HAProxy server address or an rsyslog forwarding target ---------------


def test_e_listed_server_and_forwarding_hosts_are_contacted() -> None:
    prometheus = (
        "scrape_configs:\n  - job_name: node\n    static_configs:\n"
        "      - targets: ['node1.vendor.io:9100', \"node2.vendor.io:9100\"]\n"
    )
    assert findings({"etc/prometheus/prometheus.yml": prometheus}) == [
        ("preflight.external_endpoint", 4),
        ("preflight.external_endpoint", 4),
    ]
    haproxy = "backend app\n\tbalance roundrobin\n\tserver s1 app1.vendor.io:443 check\n"
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == [("preflight.external_endpoint", 3)]
    rsyslog = '*.* @@logs.vendor.io:6514\n*.* action(type="omfwd" target="logs2.vendor.io" port="514" protocol="tcp")\n'
    assert findings({"etc/rsyslog.d/60-forward.conf": rsyslog}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.external_endpoint", 2),
    ]


def test_e_local_private_and_container_hosts_and_local_files_are_not() -> None:
    prometheus = "static_configs:\n  - targets: ['localhost:9090', 'node-exporter:9100', '10.0.0.7:9100']\n"
    assert findings({"etc/prometheus/prometheus.yml": prometheus}) == []
    haproxy = "backend app\n\tserver s1 192.168.1.10:80 check\n\tserver s2 app:8080\n"
    assert findings({"etc/haproxy/haproxy.cfg": haproxy}) == []
    rsyslog = "authpriv.* /var/log/secure\n*.emerg :omusrmsg:*\n#*.* @@remote-host.vendor.io:514\n"
    assert findings({"etc/rsyslog.d/50-default.conf": rsyslog}) == []
    assert findings({"playbook.yml": "- hosts: [web, db]\n  roles: [app]\n"}) == []


def test_b_npm_registry_credentials_in_npmrc() -> None:
    npmrc = "@vendor:registry=https://npm.vendor.io/\n//npm.vendor.io/:_auth=dXNlcjpTdXAzclMzY3JldFBhc3M=\n"
    assert findings({".npmrc": npmrc}) == [
        ("preflight.external_endpoint", 1),
        ("preflight.hardcoded_credential", 2),
    ]


def test_b_npm_token_references_and_switches_are_not() -> None:
    npmrc = "//npm.vendor.io/:_authToken=${NPM_TOKEN}\n//npm.vendor.io/:always-auth=true\n# _auth=dXNlcjpwYXNz\n"
    assert findings({".npmrc": npmrc}) == []


def test_e_block_lists_and_nginx_upstream_servers_are_contacted() -> None:
    prometheus = "static_configs:\n  - targets:\n      - node1.vendor.io:9100\n      - 'localhost:9100'\n    labels:\n"
    assert findings({"etc/prometheus/prometheus.yml": prometheus}) == [("preflight.external_endpoint", 3)]
    nginx = "upstream app {\n    server app1.vendor.io:8080 weight=5;\n    server 127.0.0.1:3000;\n}\n"
    assert findings({"etc/nginx/conf.d/app.conf": nginx}) == [("preflight.external_endpoint", 2)]
    assert findings({"filebeat.yml": 'output.elasticsearch:\n  hosts: ["es.vendor.io:9200"]\n'}) == [
        ("preflight.external_endpoint", 2)
    ]


def test_e_names_a_product_serves_and_items_of_other_lists_are_not() -> None:
    ingress = "kind: Ingress\nspec:\n  tls:\n    - hosts:\n        - www.vendor.io\n    - hosts: [api.vendor.io]\n"
    assert findings({"k8s/ingress.yaml": ingress}) == []
    assert (
        findings({"etc/nginx/conf.d/app.conf": "server {\n    listen 80;\n    server_name www.vendor.io;\n}\n"}) == []
    )
    mirrors = "targets:\n  - node1.vendor.io:9100\nmirrors_shown:\n  - docs.vendor.io\n"
    assert findings({"etc/prometheus/targets.yml": mirrors}) == [("preflight.external_endpoint", 2)]


# -- F: package sources unsigned where the signature readers did not look: pacman, cron jobs -------------------


def test_f_pacman_siglevel_never_and_an_unsigned_install_in_a_cron_job() -> None:
    pacman = "[options]\nSigLevel = Required DatabaseOptional\n[vendor]\nSigLevel = Never\nInclude = /etc/pacman.d/v\n"
    assert findings({"etc/pacman.conf": pacman}) == [("preflight.signature_verification_disabled", 4)]
    cron_d = "0 4 * * * root apt-get install -y --allow-unauthenticated vendor-agent\n"
    assert findings({"etc/cron.d/vendor": cron_d}) == [
        ("preflight.scheduled_job", 1),
        ("preflight.signature_verification_disabled", 1),
    ]


def test_f_checked_or_commented_sources_and_a_plain_install_job_are_not() -> None:
    pacman = "[vendor]\nSigLevel = Optional TrustAll\n#SigLevel = Never\n"
    assert findings({"etc/pacman.conf": pacman}) == []
    assert findings({"etc/cron.d/vendor": "0 4 * * * root apt-get install -y vendor-agent\n"}) == [
        ("preflight.scheduled_job", 1)
    ]
