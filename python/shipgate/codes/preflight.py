"""Finding codes of the ``preflight.`` layer:
Scripts, units, migrations and manifest against the target environment (shipgate.preflight).
"""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "preflight.no_manifest",
        S.INFO,
        "preflight did not run because the manifest could not be parsed",
        "Fix the manifest findings first; then the scripts and config are checked.",
    ),
    Code(
        "preflight.advisory_ignored",
        S.LOW,
        "an advisory passed to preflight is not an advisory object, or its applies_to is unreadable; not applied",
        "Pass docs/formats.md §2 advisory objects (JSON objects).",
    ),
    Code(
        "preflight.file_skipped",
        S.INFO,
        "a file was not read, or read only in part: binary content, over the size limit or the package's scan"
        " budget, or a parse bound (nesting, node count, statement count); the reason is in the finding",
        "Review this file by hand.",
    ),
    Code(
        "preflight.sudo_unavailable",
        S.HIGH,
        "a script runs sudo/su/pkexec/doas (an Ansible become/sudo: yes on a play, block or task, whatever it runs)"
        " but the target's installers get no sudo",
        "Ask the vendor for an installer that runs unprivileged, or grant the installer account the privilege"
        " it needs.",
    ),
    Code(
        "preflight.privileged_script",
        S.INFO,
        "a script escalates privileges (the target allows it or does not say)",
        "Confirm the installer account may run this command on the target.",
    ),
    Code(
        "preflight.root_assumed",
        S.HIGH,
        "a script requires root (a uid check that exits, or a package manager's install script: dpkg/rpm maintainer"
        " scripts, apk, pacman and FreeBSD pkg scripts, Snap hooks, RPM spec scriptlets, ebuild pkg_* phases); high"
        " when the target gives no sudo, else info",
        "Run the step as root by a sanctioned mechanism, or ask the vendor to drop the root requirement.",
        also=(S.INFO,),
    ),
    Code(
        "preflight.systemd_unit_missing",
        S.HIGH,
        "a script or manifest services names a unit the target lacks (closest existing name suggested)",
        "Fix the unit name in the script (the closest existing unit is suggested), or install the unit first.",
    ),
    Code(
        "preflight.scheduled_job",
        S.MEDIUM,
        "the package installs a cron entry, systemd timer or at/batch job",
        "Record the job in the change plan, with its owner and when it should be removed.",
    ),
    Code(
        "preflight.external_endpoint",
        S.MEDIUM,
        "a host outside network.allowed_endpoints: medium when contacted (network command, config), info when"
        " only mentioned",
        "Confirm the endpoint with the vendor; add it to network.allowed_endpoints if it is expected.",
        also=(S.INFO,),
    ),
    Code(
        "preflight.hardcoded_credential",
        S.CRITICAL,
        "a private key, cloud/service token or password is hard-coded (critical for keys and tokens, high for"
        " passwords, medium for high-entropy values)",
        "Rotate the credential and ask the vendor to read it from the environment or a secret store.",
        also=(
            S.HIGH,
            S.MEDIUM,
        ),
    ),
    Code(
        "preflight.migration_unlocked",
        S.HIGH,
        "a migration alters, drops, truncates or locks an existing table without lock_timeout or an advisory lock"
        " (in the file, or in the script that runs it)",
        "Start the migration with SET lock_timeout (and retry), and serialise it with pg_advisory_lock.",
    ),
    Code(
        "preflight.index_not_concurrent",
        S.HIGH,
        "a migration runs CREATE INDEX or DROP INDEX without CONCURRENTLY on an existing table",
        "Use CREATE INDEX CONCURRENTLY (outside a transaction), or schedule a maintenance window.",
    ),
    Code(
        "preflight.migration_outside_lock",
        S.MEDIUM,
        "a script runs a schema migration without holding a lock",
        "Wrap the migration in flock or take pg_advisory_lock first.",
    ),
    Code(
        "preflight.rm_rf_variable",
        S.HIGH,
        "recursive rm on an unguarded variable or on /",
        "Guard the variable (${VAR:?}) and check it is a path under the product's own directory.",
    ),
    Code(
        "preflight.pipe_to_shell",
        S.HIGH,
        "a script pipes downloaded code straight into a shell (curl … piped to sh)",
        "Ship the code in the package (where its digest is verified) instead of fetching it at install time.",
    ),
    Code(
        "preflight.world_writable",
        S.MEDIUM,
        "a script makes files world-writable (chmod 777, o+w), a udev rule gives device nodes mode 0666, or a "
        "tmpfiles.d entry gives a path a mode writable by others (a directory without the sticky bit)",
        "Use the least permissive mode the service needs (e.g. 0750 / 0640).",
    ),
    Code(
        "preflight.service_disabled",
        S.MEDIUM,
        "a script disables or masks a service",
        "Confirm the service is meant to stay off after the upgrade; record it in the change plan.",
    ),
    Code(
        "preflight.protection_disabled",
        S.HIGH,
        "a script switches off SELinux, AppArmor, the firewall or auditing",
        "Ask the vendor for the specific rule the product needs instead of switching the protection off.",
    ),
    Code(
        "preflight.implicit_privilege",
        S.HIGH,
        "a root-only operation (accounts, chown, system packages or services, writes under /etc…) with neither"
        " escalation nor a root check, on a target whose installers get no sudo",
        "Ask the vendor to split the root-only step out (or document it), or grant the installer the specific"
        " privilege and update the inventory.",
    ),
    Code(
        "preflight.implicit_egress",
        S.MEDIUM,
        "a package manager, image pull or repository add reaches the network without a URL in the script or a"
        " service's Exec*= line (host from the tool's configuration, or its default registry)",
        "Mirror what the step fetches inside the organisation (or ship it in the package), and list the registry in"
        " network.allowed_endpoints if the target may reach it.",
    ),
    Code(
        "preflight.unverified_download_exec",
        S.HIGH,
        "a script downloads a file (or clones a repository) and later runs or installs it without checking a"
        " checksum or signature (both lines in the evidence)",
        "Ship the file in the package (its digest is verified), or verify a pinned checksum or signature (for a"
        " clone: check out a full commit id or run git verify-tag) before running it.",
    ),
    Code(
        "preflight.tls_verification_disabled",
        S.HIGH,
        "TLS certificate verification is turned off (curl -k, wget --no-check-certificate, pip --trusted-host,"
        " GIT_SSL_NO_VERIFY, sslverify=0, an Ansible module's validate_certs: false …)",
        "Remove the option; install the CA the endpoint needs instead.",
    ),
    Code(
        "preflight.authentication_disabled",
        S.HIGH,
        "a shipped pg_hba.conf trusts a network beyond the host itself (`host … 10.0.0.0/8 trust`), or a shipped "
        "Redis/Valkey/Sentinel config answers clients beyond the host with no password (`protected-mode no` or a "
        "`bind` beyond loopback, no `requirepass`), or a shipped Mosquitto config lets anonymous clients in on a "
        "listener beyond loopback (`allow_anonymous true`), or a Java service is started with remote JMX and "
        "`jmxremote.authenticate=false`, a JDWP debug agent beyond loopback, or a Tomcat AJP connector with no secret "
        "beyond loopback, or the Docker daemon is started on a TCP address beyond loopback without `--tlsverify`, or "
        "a Jenkins config.xml lets anonymous users act, or a Spring Boot properties file exposes sensitive actuator "
        "endpoints over HTTP with management security off, or a compose Grafana service lets anonymous visitors in as "
        "Admin or Editor on a port published beyond loopback: clients there connect with no password "
        "(info: pg_hba trust for the local socket or loopback)",
        "Use scram-sha-256 (or peer for the local socket) in pg_hba.conf; give Redis a password (requirepass or an "
        "ACL user) and bind it to the addresses that need it; give Mosquitto clients accounts (allow_anonymous "
        "false); require JMX authentication, an AJP secret and a Jenkins security realm, and keep debug agents out of "
        "shipped start lines; start dockerd with --tlsverify or on its unix socket alone; keep open access out of "
        "shipped configuration.",
        also=(S.INFO,),
    ),
    Code(
        "preflight.signature_verification_disabled",
        S.HIGH,
        "a package source or install command skips signature checks (yum/dnf/zypper gpgcheck=0 without "
        "repo_gpgcheck, apt [trusted=yes] / Trusted: yes / AllowUnauthenticated, --nogpgcheck, "
        "--allow-unauthenticated, rpm --nosignature, apk --allow-untrusted)",
        "Keep signature checks on: pin the vendor's repository key (signed-by / gpgkey) and remove the option; "
        "ship a signed repository instead.",
    ),
    Code(
        "preflight.persistence",
        S.HIGH,
        "a script writes to authorized_keys, sudoers, ld.so.preload or rc.local, or adds a user to an admin group,"
        " or the package ships a sudoers rule or a polkit rule that grants with no authentication (high); or a script"
        " writes to a shell profile (medium)",
        "Ask the vendor to drop the change, or record it in the change plan with its owner and how it is removed.",
        also=(S.MEDIUM,),
    ),
    Code(
        "preflight.privileged_binary",
        S.MEDIUM,
        "an install step makes a program setuid or setgid (chmod u+s/4755, install -m, dpkg-statoverride, an RPM"
        " %attr) or gives it file capabilities (setcap …+ep): it runs with those privileges for every local user who"
        " may run it",
        "Ask the vendor why the program needs the privilege and for the narrowest grant; record the program in the"
        " change plan so it is reviewed on each upgrade.",
    ),
    Code(
        "preflight.kernel_settings",
        S.MEDIUM,
        "an install step changes the host's kernel settings (sysctl -w/-p/--system, /proc/sys writes, a sysctl.d"
        " file written or shipped) or loads a kernel module (modprobe, insmod, modules-load.d); high when"
        " kernel.core_pattern is piped to a program (the kernel runs it as root on every crash)",
        "Record the kernel change in the change plan (it applies to the whole host) and check it against the host's"
        " hardening baseline; ask the vendor to document it so the operator applies it.",
        also=(S.HIGH,),
    ),
    Code(
        "preflight.container_host_access",
        S.HIGH,
        "a container the package deploys is given the host's privileges: privileged, the host's PID namespace, the "
        "container runtime's socket, a mount of the host's /, /etc, /run, /proc or /dev, a capability such as "
        "SYS_ADMIN or SYS_MODULE, or a binding to cluster-admin (high); the host's network or IPC namespace or a "
        "capability that acts on the host such as SYS_TIME (medium)",
        "Ask the vendor why the container needs the grant and for the narrowest one that works (a named capability, "
        "a read-only mount of one directory, a socket proxy, a ClusterRole of its own); record it in the change plan.",
        also=(S.MEDIUM,),
    ),
    Code(
        "preflight.secret_printed",
        S.MEDIUM,
        "a script prints a secret-named variable to its output, which ends up in the install log",
        "Write the secret to a file readable only by its owner (0600) and print where it is, not its value.",
    ),
    Code(
        "preflight.default_credential",
        S.HIGH,
        "a secret-named variable falls back to a literal default (${DB_PASSWORD:-changeme})",
        "Require the value instead (${VAR:?}) or generate it at install time.",
    ),
    Code(
        "preflight.destructive_delete",
        S.HIGH,
        "a script deletes data (rm -r under /var/lib, /srv, /opt…, dropdb) and takes no backup first",
        "Back the data up (or move it aside) before deleting it, and delete only after the new version is verified.",
    ),
    Code(
        "preflight.hidden_migration",
        S.MEDIUM,
        "a vendor CLI applies schema migrations whose statements are not in the package (alembic upgrade, rails"
        " db:migrate, flyway migrate, gitlab-ctl upgrade…), outside a lock, or a setting makes the service apply"
        " them itself whenever it starts (RUN_MIGRATIONS=1, MIGRATE_ON_STARTUP=true)",
        "Ask the vendor for the migration SQL (or its dry-run output) and run the step under flock with a"
        " lock_timeout.",
    ),
    Code(
        "preflight.migration_rewrites_table",
        S.MEDIUM,
        "a migration rewrites or scans a whole existing table under ACCESS EXCLUSIVE (column type change, volatile"
        " default, SET NOT NULL, constraint without NOT VALID, VACUUM FULL, CLUSTER)",
        "Split the change (add, backfill in batches, constrain NOT VALID then VALIDATE), or plan the downtime.",
    ),
    Code(
        "preflight.migration_unchecked",
        S.LOW,
        "a migration holds statements PostgreSQL's parser does not accept (MySQL, SQLite, a syntax error) or an ORM's"
        " schema-builder calls, whose SQL is not in the file: their locks and rewrites are not checked",
        "Review these statements by hand for locks, rewrites and reversibility.",
    ),
    Code(
        "preflight.migration_not_run",
        S.INFO,
        "migration files the upgrade does not run were not checked: those named for product versions at or below"
        " the installed one (inventory components), which the target has applied, or an initial schema that only a"
        " fresh install runs; the finding names them and why",
        "Keep the installed version in the inventory current; name a file in the manifest's migrations if the"
        " upgrade does run it.",
    ),
    Code(
        "preflight.metadata_endpoint",
        S.HIGH,
        "a script or config reads the cloud instance metadata service (169.254.169.254, metadata.google.internal…)",
        "Ask the vendor why the installer needs instance metadata; block the step or pass the values explicitly.",
    ),
    Code(
        "preflight.dependency_unbounded",
        S.MEDIUM,
        "a dependency constraint has no upper bound (>=x only, or *)",
        'Ask the vendor for the tested range (e.g. ">=3.0,<4").',
    ),
    Code(
        "preflight.dependency_unsatisfied",
        S.HIGH,
        "the installed version of a dependency does not satisfy the constraint",
        "Upgrade the dependency on the target to a version matching the constraint first.",
    ),
    Code(
        "preflight.dependency_missing",
        S.HIGH,
        "a dependency is not installed on the target",
        "Install the dependency first, or correct the inventory.",
    ),
    Code(
        "preflight.dependency_unverifiable",
        S.LOW,
        "the installed version of a dependency cannot be compared",
        "Check the dependency by hand; record the installed version in PEP 440 form.",
    ),
    Code(
        "preflight.reboot_understated",
        S.HIGH,
        "reboot is not 'required' but the package replaces kernel modules, the kernel, init, libc or the "
        "bootloader, or its scripts rebuild boot files (depmod, update-initramfs, grub)",
        'Plan the upgrade with a reboot, and ask the vendor to declare "reboot": "required".',
    ),
    Code(
        "preflight.stale_binary",
        S.MEDIUM,
        "a binary's timestamp is far older than the package build time (default 365 days)",
        "Ask the vendor to confirm the binary's version, or to rebuild it for this release.",
    ),
)
