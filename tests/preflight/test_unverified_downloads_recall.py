"""Fetched code put where it runs with no check since the fetch (docs/preflight.md, ``unverified_download_exec``):
an archive unpacked into the web server's document root (also read through ``pv`` onto a pipe, or with the root
named by a variable), a branch's checkout made in the document root, a compose project started in a fresh
checkout of a branch, and the service named as a checkout restarted after its clone or pull. Each construct
beside its near misses: a checksum or a pinned commit checked after the fetch, a place that is not a web root, a
fetch never run."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_an_archive_unzipped_in_the_web_root_installs_the_code_the_server_runs() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        "apt-get install -y apache2 php unzip",  # 2
        "cd /var/www/html",  # 3
        "wget https://github.com/acme/panel/raw/master/panel.zip",  # 4
        "unzip panel.zip",  # 5
        "rm panel.zip",  # 6
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [5]


def test_near_miss_a_checksum_checked_after_the_fetch_or_an_unzip_outside_a_web_root_is_quiet() -> None:
    checked = _text(
        "#!/bin/bash",
        "cd /var/www/html",
        "wget https://example.com/panel-1.2.zip",
        "wget https://example.com/panel-1.2.zip.sha256",
        "sha256sum -c panel-1.2.zip.sha256 || exit 1",
        "unzip panel-1.2.zip",
    )
    assert codes_at({"install.sh": checked}, UNVERIFIED) == []
    elsewhere = _text(
        "#!/bin/bash",
        "cd /srv/backups",
        "wget https://example.com/photos.zip",
        "unzip photos.zip",
    )
    assert codes_at({"install.sh": elsewhere}, UNVERIFIED) == []


def test_a_tarball_passed_through_pv_into_a_web_root_named_by_a_variable_is_unpacked_there() -> None:
    updater = _text(
        "#!/bin/bash",  # 1
        "HTML=/var/www/html",  # 2
        "wget -q https://download.example.org/server/app-$VERSION.tar.bz2 -P $HTML",  # 3
        "rm -rf $HTML/app",  # 4
        "pv -w 80 $HTML/app-$VERSION.tar.bz2 | tar xjf - -C $HTML",  # 5
    )
    assert codes_at({"update.sh": updater}, UNVERIFIED) == [5]


def test_near_miss_pv_of_a_checked_tarball_or_into_a_scratch_directory_is_quiet() -> None:
    checked = _text(
        "#!/bin/bash",
        "HTML=/var/www/html",
        "wget -q https://download.example.org/server/app-$VERSION.tar.bz2 -O /tmp/app.tar.bz2",
        "wget -q https://download.example.org/server/app-$VERSION.tar.bz2.sha256 -O /tmp/app.tar.bz2.sha256",
        "sha256sum -c /tmp/app.tar.bz2.sha256 || exit 1",
        "pv -w 80 /tmp/app.tar.bz2 | tar xjf - -C $HTML",
    )
    assert codes_at({"update.sh": checked}, UNVERIFIED) == []
    scratch = _text(
        "#!/bin/bash",
        "OUT=/tmp/unpacked",
        "wget -q https://download.example.org/server/app.tar.bz2 -P /tmp",
        "pv /tmp/app.tar.bz2 | tar xjf - -C $OUT",
    )
    assert codes_at({"update.sh": scratch}, UNVERIFIED) == []


def test_a_branch_cloned_into_the_web_root_is_live_as_it_lands() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        "apt-get install -y apache2 php git",  # 2
        "cd /var/www/html",  # 3
        "git clone https://github.com/acme/skins",  # 4
        "chown -R www-data:www-data skins",  # 5
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [4]


def test_near_miss_a_pinned_commit_checked_out_or_a_clone_outside_the_web_root_is_quiet() -> None:
    pinned = _text(
        "#!/bin/bash",
        "cd /var/www/html",
        "git clone https://github.com/acme/skins",
        "git -C skins checkout 0123456789abcdef0123456789abcdef01234567",
    )
    assert codes_at({"install.sh": pinned}, UNVERIFIED) == []
    source = _text("#!/bin/bash", "cd /usr/src", "git clone https://github.com/acme/skins")
    assert codes_at({"install.sh": source}, UNVERIFIED) == []


def test_a_compose_project_started_in_a_fresh_checkout_of_a_branch_runs_what_the_branch_says() -> None:
    user_data = _text(
        "#!/bin/bash",  # 1
        "git clone -b feature/scaling https://github.com/acme/bot /app/bot",  # 2
        "cd /app/bot && docker-compose up -d",  # 3
    )
    assert codes_at({"user-data.sh": user_data}, UNVERIFIED) == [3]
    run = _text(
        "#!/bin/bash",  # 1
        "cd /srv/mail",  # 2
        "git pull origin main",  # 3
        "docker compose pull",  # 4
        "docker compose -p mail run runner mail upgrade",  # 5
    )
    assert codes_at({"upgrade.sh": run}, UNVERIFIED) == [5]


def test_near_miss_a_compose_start_of_a_pinned_or_never_fetched_project_is_quiet() -> None:
    pinned = _text(
        "#!/bin/bash",
        "git clone https://github.com/acme/bot /app/bot",
        "cd /app/bot",
        "git checkout 0123456789abcdef0123456789abcdef01234567",
        "docker-compose up -d",
    )
    assert codes_at({"user-data.sh": pinned}, UNVERIFIED) == []
    never = _text(
        "#!/bin/bash",
        '[ -d /app/bot ] || { echo "Run: git clone https://github.com/acme/bot /app/bot"; exit 1; }',
        "cd /app/bot && docker-compose up -d",
    )
    assert codes_at({"user-data.sh": never}, UNVERIFIED) == []
    elsewhere = _text("#!/bin/bash", "cd /srv/stack", "docker compose -f /etc/stack/compose.yml up -d")
    assert codes_at({"start.sh": elsewhere}, UNVERIFIED) == []


def test_the_service_named_as_a_fresh_checkout_restarted_after_the_clone_runs_the_branch() -> None:
    iteration = _text(
        "#!/bin/bash",  # 1
        "cd ~",  # 2
        "cp VPNizator/source/data/.env /root/",  # 3
        "rm -rf VPNizator",  # 4
        "git clone https://github.com/acme/VPNizator.git",  # 5
        "mv .env VPNizator/source/data/",  # 6
        "sudo systemctl restart vpnizator.service",  # 7
    )
    assert codes_at({"deploy.sh": iteration}, UNVERIFIED) == [7]
    pulled = _text("#!/bin/bash", "git -C /srv/shopbot pull", "service shopbot restart")  # 3
    assert codes_at({"update.sh": pulled}, UNVERIFIED) == [3]


def test_near_miss_another_service_a_pinned_checkout_or_a_boot_registration_is_quiet() -> None:
    other = _text("#!/bin/bash", "git -C /srv/shopbot pull", "systemctl restart nginx")
    assert codes_at({"update.sh": other}, UNVERIFIED) == []
    pinned = _text(
        "#!/bin/bash",
        "git -C /srv/shopbot pull",
        "git -C /srv/shopbot checkout 0123456789abcdef0123456789abcdef01234567",
        "systemctl restart shopbot",
    )
    assert codes_at({"update.sh": pinned}, UNVERIFIED) == []
    enabled = _text("#!/bin/bash", "git clone https://github.com/acme/shopbot /srv/shopbot", "systemctl enable shopbot")
    assert codes_at({"install.sh": enabled}, UNVERIFIED) == []
