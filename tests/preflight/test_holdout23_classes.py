"""Classes the twenty-third hold-out set showed (tests/preflight/holdout23: shell scripts that start containers, VMs
and cluster objects), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import in_script, package, run, script

from shipgate.findings import Severity

HOST = "preflight.container_host_access"
EGRESS = "preflight.implicit_egress"


def _grants(*lines: str) -> list[tuple[int | None, Severity]]:
    found = run(package({"scripts/deploy.sh": script(*lines)}))
    return sorted((f.evidence.get("line"), f.severity) for f in found if f.code == HOST)


# -- A: host grants on an engine's command line ------------------------------------------------------------------


def test_a_run_and_create_flags_that_hand_over_the_host_are_reported_at_their_lines() -> None:
    # Sourcegraph's cAdvisor and node-exporter, Home Assistant's supervisor: one finding per grant, at its option
    assert _grants(
        "sudo docker run --detach \\",
        "    --pid='host' \\",
        "    --volume=/:/rootfs:ro \\",
        "    -v /var/run/docker.sock:/var/run/docker.sock \\",
        "    --privileged \\",
        "    vendor/agent:1.0",
    ) == [(4, Severity.HIGH), (5, Severity.HIGH), (6, Severity.HIGH), (7, Severity.HIGH)]
    # two grants on one line are two findings (dev-scripts' podman run -d --net host --privileged --pod …)
    assert _grants("sudo podman run -d --net host --privileged --name web --pod ironic-pod vendor/web") == [
        (3, Severity.MEDIUM),
        (3, Severity.HIGH),
    ]
    # ``docker container create``, ``--mount type=bind``, capabilities, raw devices, confinement switched off
    assert _grants(
        "docker container create --name s -v /run/containerd/containerd.sock:/run/containerd/containerd.sock img",
        "nerdctl run --mount type=bind,source=/etc,target=/host/etc --cap-add SYS_ADMIN img",
        "docker run --device /dev/sda:/dev/sda --cap-add=sys_time --security-opt seccomp=unconfined img",
        "docker service create --mount type=bind,src=/var/run/docker.sock,dst=/var/run/docker.sock img",
    ) == [
        (3, Severity.HIGH),
        (4, Severity.HIGH),
        (4, Severity.HIGH),
        (5, Severity.MEDIUM),
        (5, Severity.MEDIUM),
        (5, Severity.HIGH),
        (6, Severity.HIGH),
    ]


def test_a_near_misses_grant_nothing_of_the_host() -> None:
    # kind's registry: a loopback publish and the default bridge; a named volume, the product's own directory,
    # a rootless socket, /sys, a narrow device, a profile of the product's own, NET_ADMIN, privileged=false
    assert (
        _grants(
            'docker run -d --restart=always -p "127.0.0.1:5001:5000" --network bridge --name reg registry:3',
            'docker run -v data:/var/lib/app -v "$(pwd)/config":/tmp/config -v /srv/app:/app img',
            "podman run -v /run/user/1000/podman/podman.sock:/var/run/docker.sock -v /sys:/sys:ro img",
            "docker run --device=/dev/kmsg --device /dev/net/tun --cap-add NET_ADMIN --privileged=false img",
            'docker container create --security-opt apparmor="hassio-supervisor" -v /etc/machine-id:/mid img',
            "docker exec --privileged web sh",  # exec runs in a container that already exists: no new grant
            "docker run img --privileged -v /:/host",  # after the image: the container's own arguments
        )
        == []
    )


# -- B: which image an engine's run names, and images built or tagged here ----------------------------------------


def test_b_pod_and_authfile_values_are_not_taken_for_the_image() -> None:
    # dev-scripts: ``--authfile FILE`` and ``--pod NAME`` take a value; the image pulled first is not fetched again
    assert in_script(
        EGRESS,
        "sudo podman pull --authfile $AUTH quay.io/vendor/ironic:1.0",
        "sudo podman run -d --net host --name ironic --pod ironic-pod quay.io/vendor/ironic:1.0",
    ) == [3]
    # near-miss: a second image is still a fetch of its own
    assert in_script(
        EGRESS,
        "sudo podman pull --authfile $AUTH quay.io/vendor/ironic:1.0",
        "sudo podman run -d --pod ironic-pod quay.io/vendor/httpd:2.4",
    ) == [3, 4]


# -- C: manifests applied from a URL --------------------------------------------------------------------------------

ENDPOINT = "preflight.external_endpoint"


def test_c_kubectl_apply_of_a_url_contacts_its_host() -> None:
    # KServe's quick install: the release manifests are fetched from GitHub by kubectl itself
    assert in_script(
        ENDPOINT,
        "kubectl apply -f https://github.com/vendor/op/releases/download/${VERSION}/op.yaml",
        "kubectl apply --validate=false --filename=https://github.com/vendor/crds/releases/download/v1/crds.yaml",
        "oc apply -k https://github.com/vendor/deploy/overlays/prod?ref=v1.2.0",
    ) == [3, 4, 5]
    # near-misses: a local manifest, a manifest from stdin, a URL as an annotation's value
    assert (
        in_script(
            ENDPOINT,
            "kubectl apply -f deploy/op.yaml",
            "cat op.yaml | kubectl apply -f -",
            "kubectl annotate svc web docs=https://docs.vendor.io/op",
        )
        == []
    )


# -- D: commands run inside a container: they reach the network, but act as the container's root -----------------

PRIVILEGE = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"

_PCT = (
    'pct exec "$CTID" -- bash -c \'',
    "wget -qO- https://pkgs.tailscale.com/stable/debian/bookworm.noarmor.gpg >/usr/share/keyrings/ts.gpg",
    "apt-get update",
    "apt-get install -y tailscale",
    "' || exit",
)
_NSPAWN = (
    "systemd-nspawn --timezone=off --pipe -i $IMG /bin/sh <<EOF",
    "apk add openssh",
    'echo "ttyS0::respawn:/sbin/getty" >>/etc/inittab',
    "passwd -d root",
    "EOF",
)


def test_d_a_container_s_commands_are_read_for_the_network_at_their_own_lines() -> None:
    # Proxmox's ``pct exec ID -- bash -c '…'`` over several lines, Firecracker's heredoc fed to systemd-nspawn
    assert in_script(EGRESS, *_PCT) == [5, 6]
    assert in_script(ENDPOINT, *_PCT) == [4]
    assert in_script(EGRESS, *_NSPAWN) == [4]
    assert in_script(EGRESS, "lxc exec web -- apt-get install -y nginx") == [3]


def test_d_what_runs_in_the_container_needs_no_root_on_the_host_but_starting_nspawn_does() -> None:
    assert in_script(PRIVILEGE, *_PCT) == []
    assert in_script(PRIVILEGE, *_NSPAWN) == [3]  # systemd-nspawn itself; not /etc/inittab or passwd inside
    assert in_script(SUDO, "lxc exec web -- sudo apt-get install -y nginx") == []
    # near-misses: the same commands on the host are root-only; chroot is not a container runner
    assert in_script(PRIVILEGE, "apt-get install -y tailscale", 'echo "x" >>/etc/inittab') == [3, 4]
    assert in_script(PRIVILEGE, "chroot /mnt apt-get install -y openssh-server") == [3]


# -- E: sudo in the command ssh runs on another host ----------------------------------------------------------------


def test_e_sudo_run_by_ssh_on_the_remote_host_is_not_the_target_s_escalation() -> None:
    # dev-scripts: ``while [ -z $(ssh -o StrictHostKeyChecking=no "core@$IP" sudo ls /etc/mcs/…) ]``
    assert in_script(SUDO, 'CONFIG=$(ssh -o StrictHostKeyChecking=no "core@$IP" sudo ls /etc/mcs/bootstrap)') == []
    assert in_script(PRIVILEGE, 'ssh "core@$IP" rm -rf /etc/mcs/bootstrap') == []
    # near-miss: sudo on this host before ssh
    assert in_script(SUDO, 'sudo ssh "core@$IP" ls /etc') == [3]


# -- F: images made on this host, and the pulls of containerd's and OpenShift's clients ----------------------------


def test_f_an_image_built_or_tagged_here_is_not_fetched_when_run() -> None:
    # CapRover: ``docker build -t captain-debug …`` then ``docker run … captain-debug``
    assert in_script(EGRESS, "docker build -t captain-debug -f Dockerfile.debug .", "docker run -d captain-debug") == []
    assert in_script(EGRESS, "podman tag localhost/web:dev web:latest", "podman run -d web:latest") == []
    # near-miss: another image is fetched
    assert in_script(EGRESS, "docker build --tag app:dev .", "docker run -d redis:7") == [4]


def test_f_ctr_crictl_and_oc_mirror_pull_images() -> None:
    # Firecracker's ``ctr image pull docker.io/library/$LABEL``, dev-scripts' ``oc adm release mirror``
    assert in_script(EGRESS, "ctr -n k8s.io images pull docker.io/library/alpine:3.20") == [3]
    assert in_script(EGRESS, "crictl pull registry.k8s.io/pause:3.9") == [3]
    assert in_script(EGRESS, "oc adm release mirror -a $AUTH --from $RELEASE --to $MIRROR") == [3]
    # near-misses: listing and mounting images, other oc verbs fetch nothing
    assert in_script(EGRESS, "ctr images ls", "ctr image mount --rw docker.io/library/alpine mnt", "oc get nodes") == []


# -- G: OpenShift's client reaching registries without TLS checks; H: libvirt's guests left unconfined ---------------

TLS = "preflight.tls_verification_disabled"
PROTECTION = "preflight.protection_disabled"


def test_g_oc_insecure_turns_tls_checks_off() -> None:
    assert in_script(TLS, "oc adm release mirror --insecure=true -a $AUTH --from $RELEASE --to $MIRROR") == [3]
    assert in_script(TLS, "oc image mirror --insecure $SRC $DST") == [3]
    # near-misses: oc without it, another tool's --insecure option name is not read as oc's
    assert in_script(TLS, "oc adm release mirror -a $AUTH --from $RELEASE --to $MIRROR", "oc get pods") == []


def test_h_libvirt_security_driver_none_switches_guest_confinement_off() -> None:
    # metal3-dev-env: the replacement written through variables
    assert in_script(
        PROTECTION,
        'none="security_driver = \\"none\\""',
        'apparmor="security_driver = \\"apparmor\\""',
        'sudo sed -i "s/$apparmor/$none/g" /etc/libvirt/qemu.conf',
        "printf 'security_driver = \"none\"\\n' >> /etc/libvirt/qemu.conf",
    ) == [5, 6]
    # near-misses: switching it back on, another file, another setting
    assert (
        in_script(
            PROTECTION,
            'sudo sed -i \'s/security_driver = "none"/security_driver = "selinux"/\' /etc/libvirt/qemu.conf',
            "sudo sed -i 's/^#user = .*/user = \"qemu\"/' /etc/libvirt/qemu.conf",
            "sed -i 's/x/security_driver = \"none\"/' ./qemu.conf.example",
        )
        == []
    )


# -- J: what set -x traces inside a group whose stderr goes to /dev/null is not shown ------------------------------

SECRET = "preflight.secret_printed"


def test_j_a_group_with_stderr_discarded_hides_its_trace() -> None:
    # dev-scripts: ``set -euxo pipefail`` … ``{ echo "${PULL_SECRET}" ; } 2> /dev/null > $REGISTRY_AUTH_FILE``
    assert in_script(SECRET, "set -x", '{ echo "${PULL_SECRET}" ; } 2> /dev/null > "$AUTH_FILE"') == []
    assert in_script(SECRET, "set -x", '( mysql -p"$DB_PASSWORD" -e "select 1" ) &>/dev/null') == []
    # near-misses: the command's own 2>/dev/null is applied after its trace is printed; stdout alone hides nothing
    assert in_script(SECRET, "set -x", 'mysql -p"$DB_PASSWORD" -e "select 1" 2>/dev/null') == [3]
    assert in_script(SECRET, "set -x", '{ mysql -p"$DB_PASSWORD" -e "select 1" ; } >/dev/null') == [3]


# -- K: authorized_keys inside another tree (an image the script mounted) is not an account's ----------------------

PERSISTENCE = "preflight.persistence"


def test_k_a_relative_path_with_a_directory_before_ssh_is_inside_another_tree() -> None:
    # Firecracker: ``mount $IMG mnt`` … ``cp -v id_rsa.pub "mnt/root/.ssh/authorized_keys"``
    assert in_script(PERSISTENCE, 'cp -v id_rsa.pub "mnt/root/.ssh/authorized_keys"') == []
    # near-misses: root's, the home directory's, the working directory's own .ssh
    assert in_script(
        PERSISTENCE,
        "cp key.pub /root/.ssh/authorized_keys",
        "cat key.pub >> ~/.ssh/authorized_keys",
        "cat key.pub >> .ssh/authorized_keys",
        "cat key.pub >> ./.ssh/authorized_keys",
    ) == [3, 4, 5, 6]


# -- L: ``$A/$B.ext`` unquoted is one word (the parser splits it at the second ``$``) --------------------------------


def test_l_an_unquoted_path_of_two_variables_stays_one_word() -> None:
    # Proxmox: ``wget -qO- https://pkgs.tailscale.com/stable/$ID/$VER.noarmor.gpg``: no host called ver.noarmor.gpg
    fetch = "wget -qO- https://pkgs.tailscale.com/stable/$ID/$VER.noarmor.gpg > /tmp/k.gpg"
    found = run(package({"scripts/deploy.sh": script("ID=$(lsb_release -is)", "VER=$(lsb_release -cs)", fetch)}))
    hosts = sorted(f.evidence.get("host", "") for f in found if f.code == ENDPOINT)
    assert hosts == ["pkgs.tailscale.com"]
    # near-misses: one variable before a suffix, and the same words quoted, read as before
    assert in_script(ENDPOINT, "curl -fsSLo /tmp/k https://pkgs.tailscale.com/stable/$VER.gpg") == [3]
    assert in_script(ENDPOINT, 'curl -fsSLo /tmp/k "https://pkgs.tailscale.com/$ID/$VER.gpg"') == [3]


# -- M: an image built from a fresh clone runs the clone's Dockerfile ----------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def test_m_an_image_build_in_a_cloned_directory_runs_what_it_holds() -> None:
    # dev-scripts: ``git clone $IMAGE $REPOPATH; cd $REPOPATH; sudo podman build … -t ${!IMAGE_VAR} -f $DF .``
    assert in_script(
        UNVERIFIED,
        "git clone https://github.com/vendor/ironic-image /tmp/ironic-image",
        "cd /tmp/ironic-image",
        "podman build --authfile $AUTH -t localhost/ironic:dev -f Dockerfile .",
    ) == [5]
    assert in_script(
        UNVERIFIED,
        "git clone https://github.com/vendor/agent src/agent",
        "docker build -t agent:dev src/agent",
    ) == [4]
    # near-misses: a clone checked out at a full commit id; a build of the package's own directory
    assert (
        in_script(
            UNVERIFIED,
            "git clone https://github.com/vendor/agent src/agent",
            "git -C src/agent checkout 0123456789abcdef0123456789abcdef01234567",
            "docker build -t agent:dev src/agent",
        )
        == []
    )
    assert in_script(UNVERIFIED, "docker build -t app:dev ./docker/app") == []


# -- N: secrets handed to a container or a chart as KEY=VALUE on the command line ----------------------------------
# (no file of the set has one; looked for because these scripts commonly do: ``helm install --set …password=…``)

CREDENTIAL = "preflight.hardcoded_credential"


def test_n_secret_settings_given_to_containers_charts_and_secrets_are_credentials() -> None:
    assert in_script(
        CREDENTIAL,
        "helm upgrade --install pg oci://registry-1.docker.io/bitnamicharts/postgresql \\",
        "  --set auth.database=app \\",
        "  --set auth.postgresPassword=backstage",
    ) == [5]
    assert in_script(
        CREDENTIAL, "helm install kc bitnami/keycloak --set auth.adminUser=admin,auth.adminPassword=K3ycl0ak"
    ) == [3]
    assert in_script(CREDENTIAL, "docker run -d -e POSTGRES_PASSWORD=mysecretpassword postgres:16") == [3]
    assert in_script(CREDENTIAL, "kubectl create secret generic db --from-literal=password=hunter22") == [3]
    # near-misses: references, settings that are not secrets, a variable passed through by name
    assert (
        in_script(
            CREDENTIAL,
            "helm install pg bitnami/postgresql --set auth.postgresPassword=$PG_PASSWORD --set image.tag=16.2",
            "docker run -d -e POSTGRES_PASSWORD -e PGDATA=/var/lib/postgresql/data postgres:16",
            "kubectl create secret generic db --from-file=password=./db.pass",
        )
        == []
    )
