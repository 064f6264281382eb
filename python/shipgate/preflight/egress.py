"""Implicit egress: package managers (also a vendor's content hub: ``cscli hub update``), image pulls,
repository adds, ``git pull``/``git fetch`` of a checkout's configured remote and ``docker compose pull``/``up``
(the compose file's images) reach the network without a URL in the script. The host is read from the tool's
configuration when the package ships it (``sources.list``, ``*.repo``, ``pip.conf``, ``.npmrc``) or from the
command (``--index-url``, an image's registry); otherwise it is the tool's default registry. An image is fetched
once: a run of an image pulled (or run) earlier is not reported again, nor a compose ``up`` of a stack (its ``-f``
files) pulled or started earlier, while every compose ``pull`` is; a chart installed from a local directory or
archive fetches nothing."""

from __future__ import annotations

import dataclasses
import functools
import json
import posixpath
import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from shipgate.findings import Finding, Severity
from shipgate.preflight.brew_urls import only_urls
from shipgate.preflight.cargo_fetch import FETCH_VERBS as CRATE_FETCH_VERBS
from shipgate.preflight.cargo_fetch import REGISTRY as CRATES_REGISTRY
from shipgate.preflight.cargo_fetch import CrateCache
from shipgate.preflight.containers import container_command, image_word
from shipgate.preflight.contents import Context, at_command
from shipgate.preflight.data_files import data_file
from shipgate.preflight.engine_pulls import (
    BUILD_REGISTRY,
    STACK_REGISTRY,
    deploys_stack,
    engine_build_pulls,
    pull_forced,
)
from shipgate.preflight.go_fetch import ModuleCache
from shipgate.preflight.hosts import bare_host, is_internal, url_host
from shipgate.preflight.kubeadm_steps import pulls_images as kubeadm_pulls_images
from shipgate.preflight.module_downloads import MODULE, MODULE_HOST, MODULE_URL, held
from shipgate.preflight.module_downloads import words as name_words
from shipgate.preflight.ports_builds import PORTS_SOURCE, ports_builds
from shipgate.preflight.python_modules import module_cli
from shipgate.preflight.runners import image_build_steps, steps
from shipgate.preflight.self_replacing import CADDY_REPLACING
from shipgate.preflight.shell.actions import on_removal_only
from shipgate.preflight.shell.arguments import with_fields
from shipgate.preflight.shell.arms import exclusive, once_arms
from shipgate.preflight.shell.call_order import in_call_order
from shipgate.preflight.shell.commands import (
    apt_simulates,
    contacted_hosts,
    has_flag,
    is_network,
    operands,
    option_values,
    positional_texts,
    runs_pip_module,
    written_paths,
)
from shipgate.preflight.shell.deciding_call import deciding_call
from shipgate.preflight.shell.functions import argument_runners, read_through_runners
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.shell.tested_values import value_tested
from shipgate.preflight.source_lists import source_contacts
from shipgate.preflight.started_units import started_unit_commands
from shipgate.preflight.swift_fetch import SwiftCheckouts

# cscli item kinds whose install/upgrade fetches from the Hub (``cscli collections install x``); ``cscli hub
# update|upgrade`` fetches the index and the installed items.
_HUB_ITEMS = frozenset({"collections", "parsers", "scenarios", "postoverflows", "contexts", "appsec-configs"})
_PIHOLE_REPOSITORIES = "Pi-hole's repositories on github.com"
# tool -> (verbs that fetch, default registry)
_TOOLS: dict[str, tuple[frozenset[str], str]] = {
    "apt-get": (
        frozenset({"install", "update", "upgrade", "dist-upgrade", "build-dep", "source", "download"}),
        "the distribution's configured mirrors",
    ),
    "apt": (
        frozenset({"install", "update", "upgrade", "full-upgrade", "dist-upgrade"}),
        "the distribution's configured mirrors",
    ),
    # aptitude, apt's other front-end: ``safe-upgrade`` (``upgrade``) and ``full-upgrade`` (``dist-upgrade``)
    # download packages as apt-get's upgrades do; search/show/why read the local lists only
    "aptitude": (
        frozenset({"install", "reinstall", "update", "upgrade", "safe-upgrade", "full-upgrade", "dist-upgrade"})
        | {"build-dep", "download"},
        "the distribution's configured mirrors",
    ),
    "yum": (
        frozenset({"install", "update", "upgrade", "makecache", "groupinstall", "check-update", "swap", "reinstall"}),
        "the distribution's configured mirrors",
    ),
    "dnf": (  # ``swap``/``reinstall``/``distro-sync`` download packages too (dnf(8))
        frozenset(
            {"install", "update", "upgrade", "makecache", "groupinstall", "check-update", "swap", "reinstall"}
            | {"distro-sync"}
        ),
        "the distribution's configured mirrors",
    ),
    "zypper": (
        frozenset({"install", "in", "refresh", "ref", "update", "up", "dup"}),
        "the distribution's configured mirrors",
    ),
    "apk": (frozenset({"add", "update", "upgrade"}), "the Alpine mirrors"),
    # Node's corepack downloads the package manager a project names (``corepack prepare pnpm --activate``,
    # ``corepack install``, ``corepack use pnpm@9``, ``corepack up``); ``enable``/``disable`` only write shims and
    # ``hydrate`` unpacks a tarball on disk
    "corepack": (frozenset({"prepare", "install", "use", "up"}), "registry.npmjs.org"),
    "opkg": (frozenset({"install", "update", "upgrade"}), "the OpenWrt package feeds"),
    "pip": (frozenset({"install", "download"}), "pypi.org"),
    "pip3": (frozenset({"install", "download"}), "pypi.org"),
    # setuptools' old installer takes the distributions as operands (no verb)
    "easy_install": (frozenset(), "pypi.org"),
    # uv resolves a project's dependencies and installs them from PyPI (``uv sync``, ``uv add``, ``uv lock``)
    "uv": (frozenset({"sync", "add", "lock"}), "pypi.org"),
    # Pipenv resolves a Pipfile against PyPI and installs what it names (``pipenv install --dev``, ``sync``,
    # ``update``; ``lock`` fetches the packages to hash them)
    "pipenv": (frozenset({"install", "sync", "update", "lock"}), "pypi.org"),
    # Python modules whose command line downloads data or models, run as ``python -m NAME …`` (_MODULE_TOOLS):
    # NLTK's downloader fetches its index and the packages it is given (``python -m nltk.downloader punkt``,
    # holdout195's LLMeBench); spaCy's ``download`` pip-installs a model package (also its ``spacy`` program)
    "nltk.downloader": (frozenset(), "NLTK's data index (raw.githubusercontent.com/nltk/nltk_data)"),
    "spacy": (frozenset({"download"}), "spaCy's model releases (github.com/explosion/spacy-models)"),
    # the Hugging Face Hub's CLI (``huggingface-cli download REPO``, the newer ``hf download REPO``), also what a
    # Python program's model download through huggingface_hub is written as (python_model_hub)
    "huggingface-cli": (frozenset({"download"}), "the Hugging Face Hub (huggingface.co)"),
    "hf": (frozenset({"download"}), "the Hugging Face Hub (huggingface.co)"),
    # ``npm clean-install`` (also ``ic``, ``install-clean``) is ``npm ci``
    "npm": (frozenset({"install", "i", "ci", "clean-install", "ic", "install-clean", "update"}), "registry.npmjs.org"),
    # nodeenv unpacks a Node.js release into the environment it makes (_nodeenv_downloads)
    "nodeenv": (frozenset(), "nodejs.org (the Node.js release nodeenv unpacks)"),
    # ``yarn dlx``/``pnpm dlx``: download a package into a temporary folder and run it
    "yarn": (frozenset({"install", "add", "dlx"}), "registry.yarnpkg.com"),
    "pnpm": (frozenset({"install", "add", "i", "dlx"}), "registry.npmjs.org"),
    # Bun's package manager installs from the npm registry (``bun install``, ``bun add``, ``bun install -g PKG``)
    "bun": (frozenset({"install", "i", "add", "update", "x"}), "registry.npmjs.org"),
    # npx runs a package's binary, fetching the package when the project lacks it (npx_fetches)
    "npx": (frozenset(), "registry.npmjs.org"),
    "gem": (frozenset({"install", "update"}), "rubygems.org"),
    "bundle": (frozenset({"install", "update", "add"}), "the Gemfile's sources (rubygems.org by default)"),
    # Perl: cpanm and cpan take the modules as operands (no verb); Carton installs a cpanfile's modules
    "cpanm": (frozenset(), "CPAN (cpanmetadb.plackperl.org and www.cpan.org by default)"),
    "cpan": (frozenset(), "the CPAN mirrors CPAN.pm is configured with"),
    "carton": (frozenset({"install", "update"}), "CPAN (the cpanfile's modules)"),
    # ``go build``/``go install``/``go run``… fetch what the module cache lacks (shipgate.preflight.go_fetch)
    "go": (frozenset({"get", "install", "mod"}), "proxy.golang.org"),
    "cargo": (CRATE_FETCH_VERBS, CRATES_REGISTRY),
    # SwiftPM clones the dependencies Package.swift names when a build or resolve lacks them (swift_fetch)
    "swift": (frozenset(), "the package's dependency repositories (their Git URLs in Package.swift)"),
    # ``create-project`` fetches the named package from Packagist, then installs its dependencies from it;
    # ``self-update`` (alias ``selfupdate``) replaces composer.phar with a release from getcomposer.org (_VERB_HOSTS)
    "composer": (
        frozenset({"install", "require", "update", "create-project", "self-update", "selfupdate"}),
        "repo.packagist.org",
    ),
    # Nextcloud's console installs and updates apps from its app store (``occ app:install richdocuments``,
    # ``php occ app:update --all``), run by name or by php (hold-out set 170's Nextcloud VM first boot)
    "occ": (frozenset({"app:install", "app:update"}), "the Nextcloud app store (apps.nextcloud.com)"),
    # vendor consoles that install add-ons from their vendor's catalogue: Nuxeo's marketplace packages
    # (``nuxeoctl mp-install PKG``, ``mp-update`` refreshes the catalogue; holdout83) and Concrete CMS's language packs
    # (``concrete5 c5:language-install``; holdout106)
    "nuxeoctl": (
        frozenset({"mp-install", "mp-update", "mp-upgrade"}),
        "the Nuxeo Connect marketplace (connect.nuxeo.com)",
    ),
    "concrete5": (frozenset({"c5:language-install"}), "Concrete CMS's translation server"),
    # Nextcloud's command-line updater (``php updater/updater.phar``) asks the update server for the next release
    # and downloads it (hold-out sets 82 and 203); ``--help``/``--version`` only print
    "updater/updater.phar": (frozenset(), "Nextcloud's update server (updates.nextcloud.com, download.nextcloud.com)"),
    # ROS's rosdep: ``init`` fetches the default sources list, ``update`` the rules it names, ``install`` runs the
    # system's package manager on them (hold-out set 180's multi_tracker provisioner)
    "rosdep": (
        frozenset({"init", "update", "install"}),
        "the rosdep sources (raw.githubusercontent.com/ros/rosdistro)",
    ),
    # Tailscale's client joins the tailnet (``up``, ``login``) or replaces itself (``update``) through Tailscale's
    # coordination server (hold-out set 180's homelab user data)
    "tailscale": (
        frozenset({"up", "login", "update"}),
        "Tailscale's coordination server (controlplane.tailscale.com)",
    ),
    # PHP's PEAR installer and PECL: packages and channel lists come from the channel's server (``channel-discover
    # HOST`` names its host: an external endpoint, not implicit)
    "pear": (
        frozenset({"install", "upgrade", "upgrade-all", "download", "update-channels", "channel-update"}),
        "the PEAR channel's server (pear.php.net unless the package names another channel)",
    ),
    "pecl": (
        frozenset({"install", "upgrade", "upgrade-all", "download", "update-channels", "channel-update"}),
        "the PECL channel's server (pecl.php.net)",
    ),
    # mlocati's install-php-extensions, the usual way an image built on the official ``php`` images adds extensions:
    # it installs each named extension's libraries through the distribution's package manager and PECL extensions
    # from pecl.php.net (``install-php-extensions gd intl redis``; holdout266's FreshRSS image);
    # ``docker-php-ext-install`` builds from the PHP source already in the image and fetches nothing
    "install-php-extensions": (frozenset(), "the distribution's mirrors and pecl.php.net"),
    # Caddy's ``upgrade``, ``add-package`` and ``remove-package`` ask Caddy's build service for a build with the
    # plugins wanted and write it over the running executable (shipgate.preflight.self_replacing)
    "caddy": (CADDY_REPLACING, "Caddy's download service (caddyserver.com)"),
    "bower": (frozenset({"install", "i", "update"}), "the Bower registry (registry.bower.io) and GitHub"),
    "prebuild-install": (frozenset(), "the package's GitHub releases (prebuild-install's default host)"),
    "node-pre-gyp": (frozenset({"install", "reinstall"}), "the binary host the package.json names"),
    "snap": (frozenset({"install", "refresh"}), "the Snap Store"),
    # browser automation's browser installers: Playwright's ``install [chromium]`` fetches browser builds from its
    # CDN and ``install-deps`` the system libraries through apt; Puppeteer's ``browsers install chrome`` fetches
    # Chrome for Testing from Google's storage (hold-out sets 15 and 190; run as a project's tool, see _launched)
    "playwright": (
        frozenset({"install", "install-deps"}),
        "Playwright's browser builds (playwright.azureedge.net) and, for its dependencies, the configured mirrors",
    ),
    "puppeteer": (frozenset(), "Chrome for Testing's storage (storage.googleapis.com)"),
    "flatpak": (frozenset({"install", "update"}), "the configured Flatpak remotes"),
    "docker": (frozenset({"pull", "run", "create"}), "docker.io"),
    "podman": (frozenset({"pull", "run", "create"}), "docker.io"),
    "nerdctl": (frozenset({"pull", "run"}), "docker.io"),
    "ctr": (frozenset({"pull"}), "docker.io"),
    "crictl": (frozenset({"pull"}), "docker.io"),
    "oc": (frozenset({"mirror"}), "the registries of the mirrored images (quay.io for OpenShift releases)"),
    "helm": (frozenset({"install", "upgrade", "pull", "dependency", "repo"}), "the chart repository"),
    "gh": (frozenset({"release", "api", "repo"}), "GitHub's API (api.github.com)"),
    "conda": (frozenset({"install", "create", "update"}), "repo.anaconda.com"),
    "brew": (
        frozenset({"install", "reinstall", "upgrade", "update", "fetch", "tap", "bundle"}),
        "Homebrew's default registry (formulae.brew.sh, ghcr.io)",
    ),
    "port": (frozenset({"install", "upgrade", "selfupdate", "sync", "fetch"}), "the MacPorts mirrors"),
    # macOS softwareupdate(8): its actions are options (``-l`` lists the catalogue, ``-i``/``-d`` fetch updates)
    "softwareupdate": (frozenset(), "Apple's software update catalogue and servers"),
    # Pi-hole's CLI (pihole(8)): its actions are its first word, an option or a name (_PIHOLE_FETCHES)
    "pihole": (frozenset(), _PIHOLE_REPOSITORIES),
    "pkg": (frozenset({"install", "update", "upgrade", "fetch"}), "the FreeBSD package mirrors"),
    # the BSDs' older installer: a package named (not a file on disk) is fetched from PKG_PATH/installurl, ``-r``
    # (FreeBSD's) always fetches
    "pkg_add": (frozenset(), "the configured package mirrors (PKG_PATH, installurl)"),
    # image-based systems: bootc pulls the booted image's next version (``--check`` asks the registry for it)
    "bootc": (frozenset({"upgrade", "switch"}), "the container registry of the booted image"),
    "pacman": (frozenset(), "the Arch Linux mirrors"),
    # AUR helpers take pacman's operations and also fetch AUR packages
    "paru": (frozenset(), "the Arch Linux mirrors and the AUR (aur.archlinux.org)"),
    "yay": (frozenset(), "the Arch Linux mirrors and the AUR (aur.archlinux.org)"),
    # pacapt takes pacman's operations and runs the system's own package manager (apt-get, yum, apk, zypper…)
    "pacapt": (frozenset(), "the system package manager's configured mirrors (through pacapt)"),
    "tdnf": (frozenset({"install", "update", "upgrade", "makecache"}), "the distribution's configured mirrors"),
    "microdnf": (frozenset({"install", "update", "upgrade", "makecache"}), "the distribution's configured mirrors"),
    "xbps-install": (frozenset(), "the Void Linux mirrors"),
    "emerge": (frozenset(), "the Gentoo mirrors"),
    "setup-apkrepos": (frozenset(), "the Alpine mirror list (dl-cdn.alpinelinux.org)"),
    "cscli": (frozenset({"hub", *_HUB_ITEMS}), "the CrowdSec Hub (hub-data.crowdsec.net)"),
    "subscription-manager": (
        frozenset({"register", "attach", "refresh"}),
        "Red Hat Subscription Management (subscription.rhsm.redhat.com)",
    ),
    "add-apt-repository": (frozenset(), "Launchpad (the PPA's archive and signing key)"),
    "apt-add-repository": (frozenset(), "Launchpad (the PPA's archive and signing key)"),
    # gdebi installs a local .deb and fetches the dependencies it lacks from the configured mirrors
    "gdebi": (frozenset(), "the distribution's configured mirrors (the .deb's dependencies)"),
    # aptitude-robot installs, upgrades and removes the packages its lists name through aptitude (its only action)
    "aptitude-robot": (frozenset(), "the distribution's configured mirrors (through aptitude)"),
    # Debian's unattended-upgrade (also installed as ``unattended-upgrades``) downloads the upgradable packages and
    # installs them; its ``--dry-run`` and ``--download-only`` still download, installing nothing (holdout274)
    "unattended-upgrade": (frozenset(), "the distribution's configured mirrors (through unattended-upgrade)"),
    "unattended-upgrades": (frozenset(), "the distribution's configured mirrors (through unattended-upgrade)"),
    # Jenkins' CLI (``java -jar jenkins-cli.jar -s URL install-plugin NAME``): the server fetches the plugin and its
    # dependencies from its update center (holdout239's vagrant-jenkins)
    "jenkins-cli": (frozenset({"install-plugin"}), "the Jenkins update center (updates.jenkins.io)"),
    # Amazon Linux 2's topic repositories: ``install`` enables the topic and installs from it
    "amazon-linux-extras": (frozenset({"install"}), "the Amazon Linux Extras repositories"),
    # SUSE's registration client: activating a product or module (``-p``) registers with the SUSE Customer Center
    "SUSEConnect": (frozenset(), "the SUSE Customer Center (scc.suse.com)"),
    # pipx installs each application into its own virtualenv from PyPI (``pipx run`` fetches it into a cache)
    "pipx": (
        frozenset({"install", "upgrade", "upgrade-all", "reinstall", "reinstall-all", "inject", "run"}),
        "pypi.org",
    ),
    # ``terraform init`` downloads the providers and modules the configuration names; ``get`` the modules
    "terraform": (frozenset({"init", "get"}), "the Terraform Registry (registry.terraform.io)"),
    "tofu": (frozenset({"init", "get"}), "the OpenTofu Registry (registry.opentofu.org)"),
    # ``ansible-galaxy install``, ``ansible-galaxy role|collection install``
    "ansible-galaxy": (frozenset({"install"}), "Ansible Galaxy (galaxy.ansible.com)"),
    # rustup fetches toolchains, targets and components from the Rust distribution server
    "rustup": (
        frozenset({"update", "install", "default", "toolchain", "target", "component", "self"}),
        "the Rust distribution server (static.rust-lang.org)",
    ),
    # Node and JDK version managers download the versions they install
    "nvm": (frozenset({"install", "install-latest-npm"}), "nodejs.org"),
    # n (tj/n) takes the version as its operand: ``n 18.17.0``, ``n lts`` (its reader is in _OPERAND_TOOLS)
    "n": (frozenset(), "nodejs.org"),
    # fnm installs a version (``fnm install 20``), or the one a project names when told to (``fnm use
    # --install-if-missing``: holdout269's Capistrano deploy); its reader is in _OPERAND_TOOLS
    "fnm": (frozenset(), "nodejs.org"),
    # Ruby and Python version managers build the version they install from its source tarball (ruby-build,
    # python-build): ``rbenv install 3.2.2`` (holdout175), ``pyenv install 3.12``
    "rbenv": (frozenset({"install"}), "the Ruby source mirrors (cache.ruby-lang.org)"),
    "pyenv": (frozenset({"install"}), "python.org (the CPython source tarballs)"),
    # kubeadm pulls the control-plane images (``kubeadm config images pull``, ``kubeadm init``: kubeadm_steps)
    "kubeadm": (frozenset(), "registry.k8s.io (the control-plane images)"),
    # RVM installs a Ruby from its prebuilt binaries or the source tarball (``rvm install 2.7``, ``reinstall``,
    # ``upgrade``) and ``rvm get stable`` replaces RVM itself (hold-out set 239's Ruby starter box)
    "rvm": (
        frozenset({"install", "reinstall", "upgrade", "get"}),
        "RVM's Ruby binaries (rvm_io.global.ssl.fastly.net) and the Ruby source mirrors",
    ),
    "sdk": (frozenset({"install", "upgrade", "selfupdate"}), "SDKMAN! (api.sdkman.io and the vendors' servers)"),
    # other projects' package managers: each resolves what the project's manifest names from its registry
    "poetry": (frozenset({"install", "add", "update", "lock", "sync"}), "pypi.org"),
    "pdm": (frozenset({"install", "add", "update", "lock", "sync"}), "pypi.org"),
    "mamba": (frozenset({"install", "create", "update"}), "the conda channels (conda.anaconda.org)"),
    "micromamba": (frozenset({"install", "create", "update"}), "the conda channels (conda.anaconda.org)"),
    # the .NET SDK's build verbs restore the project's NuGet packages first (its implicit restore) unless given
    # ``--no-restore`` or ``--no-build`` (hold-out set 280's ``dotnet publish`` of Jellyfin's server)
    "dotnet": (
        frozenset({"restore", "add", "tool", "workload", "build", "publish", "run", "test", "pack"}),
        "nuget.org",
    ),
    "mix": (frozenset({"deps.get", "deps.update", "local.hex", "local.rebar", "archive.install"}), "hex.pm"),
    # OCaml's opam: ``init`` fetches the default package repository (and builds a compiler with ``--comp``),
    # ``install``/``update``/``upgrade`` fetch packages or the repository's index (holdout55's opam installer)
    "opam": (frozenset({"init", "install", "reinstall", "update", "upgrade"}), "the opam repository (opam.ocaml.org)"),
    "mvn": (frozenset(), "Maven Central (repo.maven.apache.org) or the build's repositories"),
    "mvnw": (frozenset(), "Maven Central (repo.maven.apache.org) or the build's repositories"),
    "gradle": (frozenset(), "Maven Central or the build's repositories (and services.gradle.org)"),
    "gradlew": (frozenset(), "Maven Central or the build's repositories (and services.gradle.org)"),
}
# Tools whose verbs may follow a noun: ``ansible-galaxy collection install``, ``rustup toolchain install``.
_NOUNS: dict[str, frozenset[str]] = {
    "ansible-galaxy": frozenset({"role", "collection"}),
    "rustup": frozenset({"toolchain", "target", "component", "self"}),
    "puppeteer": frozenset({"browsers"}),
}
_NOUN_VERBS: dict[str, frozenset[str]] = {
    "ansible-galaxy": frozenset({"install", "download"}),
    "rustup": frozenset({"install", "add", "update"}),
    "puppeteer": frozenset({"install"}),
}
# softwareupdate(8) options that contact Apple: list, install, download, fetch a full installer (not ``--history``,
# ``--dump-state``, ``--schedule``, which read local state).
_SOFTWAREUPDATE_FETCHES = frozenset(
    {"-l", "--list", "-i", "--install", "-d", "--download", "--fetch-full-installer", "-r", "--recommended"}
)
# pihole(8) actions that contact the network: ``-up``/``updatePihole`` updates Pi-hole from its repositories,
# ``checkout`` switches them to another branch, ``-g``/``updateGravity`` downloads the configured blocklists (not
# ``-a -t``, the teleporter backup, nor ``status``, ``-q``, ``enable``, which act on the host).
_PIHOLE_LISTS = "the hosts of the configured blocklists"
_PIHOLE_FETCHES = {
    "-up": _PIHOLE_REPOSITORIES,
    "updatePihole": _PIHOLE_REPOSITORIES,
    "checkout": _PIHOLE_REPOSITORIES,
    "-g": _PIHOLE_LISTS,
    "updateGravity": _PIHOLE_LISTS,
}
# pacman names its operations as options: -S installs, -Sy refreshes, -Syu upgrades; -Ss/-Si/-Sl/-Sg/-Sc/-Sp
# only search, list, clean or print (no download).
_PACMAN_LOCAL = frozenset("silgcp")


def _pacman_fetches(words: list[str]) -> bool:
    return any(w == "--sync" or (w.startswith("-S") and not _PACMAN_LOCAL & set(w[2:])) for w in words)


# emerge options that only search, list, remove or print (no download).
_EMERGE_LOCAL = frozenset(
    {"-s", "--search", "-S", "--searchdesc", "-C", "--unmerge", "-c", "--depclean", "--info", "-p", "--pretend"}
)
# Tools whose operands are packages (no verb): they fetch when given one, or when told to sync.
_OPERAND_TOOLS: dict[str, Callable[[list[str], list[str]], bool]] = {
    "xbps-install": lambda words, ops: bool(ops) or any(w.startswith("-") and "S" in w.lstrip("-") for w in words),
    "emerge": lambda words, ops: not _EMERGE_LOCAL & set(words) and (bool(ops) or "--sync" in words),
    "setup-apkrepos": lambda words, ops: any(w in ("-1", "-r", "-f") for w in words),
    # a PPA is looked up on Launchpad and its signing key fetched; ``--remove`` only edits sources
    "add-apt-repository": lambda words, ops: (
        any(o.startswith("ppa:") for o in ops) and not {"-r", "--remove"} & set(words)
    ),
}
_OPERAND_TOOLS["apt-add-repository"] = _OPERAND_TOOLS["add-apt-repository"]
_OPERAND_TOOLS["fnm"] = lambda words, ops: (
    ops[:1] == ["install"] or (ops[:1] == ["use"] and "--install-if-missing" in words)
)
_OPERAND_TOOLS["pkg_add"] = lambda words, ops: (
    "-r" in words or any("/" not in o and not o.endswith((".tgz", ".tbz", ".txz", ".pkg")) for o in ops)
)
_OPERAND_TOOLS["gdebi"] = lambda words, ops: bool(ops) and not {"--apt-line", "-h", "--help"} & set(words)
_OPERAND_TOOLS["aptitude-robot"] = lambda words, ops: not {"-h", "--help", "--version", "-s", "--simulate"} & set(words)
_OPERAND_TOOLS["unattended-upgrade"] = lambda words, ops: not {"-h", "--help"} & set(words)
_OPERAND_TOOLS["unattended-upgrades"] = _OPERAND_TOOLS["unattended-upgrade"]
# SUSEConnect registers or activates (``-p PRODUCT``, ``-r CODE``, ``--de-register``), or asks SCC what is available
# (``--list-extensions``, ``--status``); only ``--help``/``--version`` stay local.
_OPERAND_TOOLS["SUSEConnect"] = lambda words, ops: bool(words) and not {"-h", "--help", "--version"} & set(words)
# prebuild-install downloads the prebuilt native addon of the package it runs in (no operand names it), unless it
# only prints (``--help``, ``--version``) or is told to use a local file (``--path``/``--local``… not: ``-d``).
# cpanm fetches every module it is given, the prerequisites of a directory (``--installdeps .``), or itself
# (``--self-upgrade``); a local distribution (``./xs``, ``Foo-1.0.tar.gz``) installs from disk as apt's ``./x.deb``
# does; ``--version``/``--help`` only print. Operands of unknown value (``cpanm $MODULES``) are modules unless a
# known operand says what is installed. ``cpan MODULE``/``cpan -i MODULE`` install; a bare ``cpan`` is its
# interactive shell, ``-l``/``-a``/``-D`` list or show what is installed.
_OPERAND_TOOLS["cpanm"] = lambda words, ops: bool(
    (_cpanm_modules(ops) or {"--self-upgrade", "--installdeps"} & set(words))
    and not {"-V", "--version", "-h", "--help"} & set(words)
)
_OPERAND_TOOLS["cpan"] = lambda words, ops: bool(ops) and not {"-l", "-a", "-D", "-h", "-v", "-V"} & set(words)
_OPERAND_TOOLS["easy_install"] = lambda words, ops: _cpanm_modules(ops) and not {"-h", "--help"} & set(words)
_OPERAND_TOOLS["prebuild-install"] = lambda words, ops: not {"-h", "--help", "-v", "--version"} & set(words)
# install-php-extensions with no extension named only prints its usage
_OPERAND_TOOLS["install-php-extensions"] = lambda words, ops: bool(ops) and not {"-h", "--help"} & set(words)
# NLTK's downloader with no package named opens its interactive chooser; ``-h`` only prints
_OPERAND_TOOLS["nltk.downloader"] = lambda words, ops: bool(ops) and not {"-h", "--help"} & set(words)


# nodeenv makes a Node.js environment from a release it downloads (``nodeenv /opt/env --node=24.2.1 --prebuilt``,
# Tutor's image build), unless told to link the system's own node (``--node=system``, ``-n system``) or only to
# print (``--list`` asks nodejs.org for the releases too)
def _nodeenv_downloads(words: list[str], ops: list[str]) -> bool:
    if not words or {"--node=system", "-n=system", "-h", "--help", "--version"} & set(words):
        return False
    return not any(option in ("-n", "--node") and value == "system" for option, value in pairwise(words))


_OPERAND_TOOLS["nodeenv"] = _nodeenv_downloads
# n, Node's version manager, downloads the release its operand names (``n 0.10.40``, ``n v18``, ``n lts``, ``n
# install latest``, ``n download 20``) or asks nodejs.org for the list (``n ls-remote``); ``n ls``, ``n rm``, ``n
# prune``, ``n which`` and a bare ``n`` (its menu of installed versions) act on the host (holdout264's Wekan role).
_N_RELEASE = re.compile(r"v?\d+(?:\.\d+){0,2}|lts|latest|current|stable|auto|engine")
_N_FETCH_VERBS = frozenset({"install", "i", "download", "ls-remote", "lsr", "list-remote"})
_OPERAND_TOOLS["n"] = lambda words, ops: (
    bool(ops) and (ops[0] in _N_FETCH_VERBS or _N_RELEASE.fullmatch(ops[0]) is not None)
)
_NEXTCLOUD_UPDATER = "updater/updater.phar"
_OPERAND_TOOLS[_NEXTCLOUD_UPDATER] = lambda words, ops: not {"-h", "--help", "-V", "--version"} & set(words)
# the modules above that the interpreter runs by ``-m`` (python_modules.module_cli)
_MODULE_TOOLS = frozenset({"nltk.downloader", "spacy", "easy_install", "pip"})
# a tool's entry module, run by ``-m`` or by ``-c`` code that calls its ``main()`` (python_modules.module_cli), is
# the tool: ``python -c 'from setuptools.command.easy_install import main; main()' … zc.buildout`` (zc.buildout's
# bootstrap.py) is ``easy_install … zc.buildout``
_ENTRY_MODULES = {
    "setuptools.command.easy_install": "easy_install",
    "pip._internal.cli.main": "pip",
    "pip._internal.main": "pip",
    "pip._internal": "pip",
}
# Java's builds resolve the project's dependencies (and the wrapper its own distribution) from Maven Central or the
# build's repositories at every goal or task, unless told to stay offline or only asked to print.
_JVM_BUILD_LOCAL = frozenset({"-o", "--offline", "-v", "--version", "-h", "--help", "-?"})
for _build in ("mvn", "mvnw", "gradle", "gradlew"):
    _OPERAND_TOOLS[_build] = lambda words, ops: bool(words) and not _JVM_BUILD_LOCAL & set(words)
_ADD_REPOSITORY = frozenset({"add-apt-repository", "apt-add-repository"})


def _cpanm_modules(ops: list[str]) -> bool:
    """cpanm is given a module to look up: a known operand that is no distribution on disk (a directory or an
    archive path), or only operands of unknown value."""
    known = [o for o in ops if "$" not in o]
    if not known:
        return bool(ops)
    local = (".", "..")
    return any(not (o.startswith(("./", "../", "/", "~")) or o in local or o.endswith(_LOCAL_SUFFIXES)) for o in known)


def _npx_fetches(words: list[str], ops: list[str]) -> bool:
    """npx fetches the package it runs when told to (``-y``/``--yes``, ``-p``/``--package PKG``) or when the package
    is named at a version or tag (``npx @tailwindcss/upgrade@next``, ``npx create-foo@latest``): a project's own
    dependency is run by its bare name (``npx prisma migrate deploy``), which is not reported."""
    if {"-y", "--yes", "-p", "--package"} & set(words) or any(w.startswith("--package=") for w in words):
        return True
    first = ops[0] if ops else ""
    return "$" not in first and first.rfind("@") > 0


_OPERAND_TOOLS["npx"] = _npx_fetches
_NPX_VALUE_OPTIONS = frozenset({"-p", "--package", "-w", "--workspace"})  # npx options that take the next word


def _npx_tool(words: list[str]) -> list[str]:
    """The command line of a fetching tool npx runs from the project's own dependencies (``npx node-pre-gyp
    install``: node-pre-gyp's ``install`` downloads the prebuilt binding, holdout201's lisk-db), its
    ``@version`` dropped; empty when npx runs another program or a string (``-c``)."""
    i = 0
    while i < len(words) and words[i].startswith("-"):
        if words[i] in ("-c", "--call"):
            return []
        if words[i] == "--":
            i += 1
            break
        i += 2 if words[i] in _NPX_VALUE_OPTIONS else 1
    ran = words[i:]
    if not ran:
        return []
    program = ran[0][: ran[0].index("@", 1)] if "@" in ran[0][1:] else ran[0]
    return [program, *ran[1:]] if program in _TOOLS and program != "npx" else []


def _refreshes_after_adding(words: list[str], ops: list[str]) -> bool:
    """``add-apt-repository -y universe`` (a component: no PPA, no ``deb`` line whose URL names the host) runs
    ``apt update`` after adding it (Ubuntu 18.04 and later), unless told not to (``-n``/``--no-update``) or
    removing."""
    flags = {"-n", "--no-update", "-r", "--remove"}
    named = any(o.startswith(("ppa:", "deb")) or "://" in o for o in ops)
    return bool(ops) and not named and not flags & set(words)


# helm options that take a value (``-n ns``, ``-f values.yaml``): not the release or the chart.
_HELM_VALUE_OPTIONS = frozenset(
    {
        "-n",
        "--namespace",
        "-f",
        "--values",
        "--set",
        "--set-string",
        "--set-file",
        "--set-json",
        "--version",
        "--timeout",
        "--repo",
        "--kube-context",
        "--kubeconfig",
        "-o",
        "--output",
        "--description",
        "--post-renderer",
    }
)
# Options of the project package managers that name the project's directory (or a workspace) before the verb:
# ``pnpm -C DIR install``, ``npm --prefix DIR ci``, ``yarn --cwd DIR install``, ``composer -d DIR install``; and
# apk's options that take a value, which it accepts before its applet: ``apk --virtual build-deps add …``.
_PROJECT_DIR_OPTIONS: dict[str, frozenset[str]] = {
    "apk": frozenset(
        {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir"}
        | {"--repositories-file", "--timeout"}
    ),
    "npm": frozenset({"--prefix", "-C", "--workspace"}),
    "pnpm": frozenset({"-C", "--dir", "--filter", "-F"}),
    "yarn": frozenset({"--cwd"}),
    "bun": frozenset({"--cwd"}),
    "composer": frozenset({"-d", "--working-dir"}),
    "cpanm": frozenset({"-l", "--local-lib", "-L", "--local-lib-contained", "--mirror", "--from", "-M"}),
    "nltk.downloader": frozenset({"-d", "--dir", "-u", "--url"}),
    "cpan": frozenset({"-j", "-J", "-c", "-m"}),
    "jenkins-cli": frozenset({"-s", "-auth", "-i", "-p", "-logger", "-user"}),
}
_IMAGE_TOOLS = frozenset({"docker", "podman", "nerdctl", "ctr", "crictl"})
# Global options of ctr and oc that take a value (before their noun and verb).
_NOUN_TOOL_VALUE_OPTIONS = frozenset(
    {"-n", "--namespace", "-a", "--address", "--timeout", "--kubeconfig", "--context", "--server", "--as"}
)


def _helm_local_chart(words: list[str]) -> bool:
    """``helm upgrade --install rel . -f v.yaml``: the chart is a directory or archive in the package."""
    positional = positional_texts(words, _HELM_VALUE_OPTIONS)
    chart = positional[2] if len(positional) > 2 and positional[0] in ("install", "upgrade") else ""
    local = chart in (".", "..") or chart.startswith(("./", "../", "/", "~/")) or chart.endswith(".tgz")
    return local and "--repo" not in words


_CONFIG_KEYS = {"pip": ("index-url", "index_url"), "npm": ("registry",)}
_LOCAL_SUFFIXES = (".deb", ".rpm", ".whl", ".tar.gz", ".tgz", ".apk", ".gem", ".egg", ".zip")


# Options that replace a tool's registry with the URL they are given (``--extra-index-url`` adds one: the default
# index is still asked).
_REPLACING_REGISTRY = {"pip": ("--index-url", "-i"), "pip3": ("--index-url", "-i"), "gem": ("--source", "-s")}


def _registry_written(command: Command) -> bool:
    """``pip install -r requirements.txt --index-url https://wheels.example.org/simple/``: the only registry the
    step asks is the URL written on it, which the endpoint reader reports on the step's line, so it is no egress
    with no URL (also run as ``python3 -m pip``). Only when that reader counts the step a network command naming
    that host."""
    options = _REPLACING_REGISTRY.get("pip" if runs_pip_module(command) else command.name or "")
    if options is None or not is_network(command):
        return False
    if command.name == "gem" and not has_flag(command, "--clear-sources"):
        return False  # ``--source`` adds a source: rubygems.org is still asked
    written = {url_host(w.text) for w in option_values(command, *options)} - {None, ""}
    return bool(written) and written <= {host for host, _ in contacted_hosts(command)}


def _registry(command: Command, tool: str, default: str, configured: dict[str, str]) -> tuple[str, bool]:
    """(host or description, whether it is a host name)."""
    for word in option_values(command, "--index-url", "-i", "--extra-index-url", "--registry", "--repo", "--source"):
        host = url_host(word.text) or bare_host(word.text)
        if host:
            return host, True
    if tool in ("docker", "podman", "nerdctl", "ctr"):
        image = _image(command)
        first = image.split("/", 1)[0] if "/" in image else ""
        if "." in first or ":" in first or first == "localhost":
            return first.split(":", 1)[0], True
    if tool in ("pip", "pip3") and "pip" in configured:
        return configured["pip"], True
    if tool in ("npm", "yarn", "pnpm") and "npm" in configured:
        return configured["npm"], True
    return default, "." in default and " " not in default


def _configured(ctx: Context) -> dict[str, str]:
    """Registries the package configures for its tools (pip.conf index-url, .npmrc registry)."""
    out: dict[str, str] = {}
    for text in ctx.texts:
        name = text.path.rsplit("/", 1)[-1].lower()
        tool = "pip" if name in ("pip.conf", "pip.ini") else "npm" if name == ".npmrc" else None
        if tool is None:
            continue
        for line in text.lines:
            key, sep, value = line.text.partition("=")
            if sep and key.strip().lower() in _CONFIG_KEYS[tool] and (host := url_host(value.strip())):
                out[tool] = host
    return out


# compose options that take a value (``-f file``, ``-p name``): not the subcommand.
_COMPOSE_VALUE_OPTIONS = frozenset(
    {"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--parallel"}
)
_COMPOSE_REGISTRY = "the registries of the compose file's images (docker.io by default)"
_COMPOSE_TOOLS = frozenset({"docker", "podman", "docker-compose", "podman-compose"})  # the only ones with a verb


def _compose_verb(command: Command) -> str | None:
    """The subcommand of ``docker-compose …``/``docker compose …`` (after its options), else None."""
    if command.name not in _COMPOSE_TOOLS:
        return None
    words = [w.text for w in command.words]
    if command.name in ("docker", "podman") and words[:1] == ["compose"]:
        words = words[1:]
    elif command.name not in ("docker-compose", "podman-compose"):
        return None
    positional = positional_texts(words, _COMPOSE_VALUE_OPTIONS)
    return positional[0] if positional else None


def _compose_stack(command: Command) -> str:
    """Which stack a compose command acts on: its ``-f`` files (the default file when none is given)."""
    files = sorted(w.text for w in option_values(command, "-f", "--file"))
    return "compose:" + ",".join(files)


def _compose_fetches(command: Command) -> bool:
    """``compose pull`` fetches the images; ``up``/``run``/``create`` fetch the ones missing unless told not to;
    ``build --pull`` asks for its Dockerfiles' base images (engine_pulls)."""
    verb = _compose_verb(command)
    if verb is None:
        return False
    words = [w.text for w in command.words]
    pairs = set(pairwise(words))
    never = "--no-pull" in words or "--pull=never" in words or ("--pull", "never") in pairs
    forced = verb == "build" and pull_forced(words)
    return verb == "pull" or forced or (verb in ("up", "run", "create") and not never)


def _takes_down(command: Command) -> bool:
    """``compose down`` (or ``stop``) of a stack keeps its images unless told to remove them (``--rmi``): the stack
    ran on this host, so an ``up`` after it pulls nothing; an ``up --build`` still builds (docs/preflight.md)."""
    return _compose_verb(command) in ("down", "stop") and not any(w.text.startswith("--rmi") for w in command.words)


def _kept_after(command: Command, kept: frozenset[str]) -> frozenset[str]:
    """The stacks whose images the host still holds for an ``up`` after ``command``: one taken down adds its stack
    (:func:`_takes_down`); a command that writes a file may change what a stack names (a new compose file, an image
    version in ``.env`` or ``config/version``), so it forgets them all (docs/preflight.md, holdout238); a write of
    data (a database restored or set aside, a dump, an archive: :func:`data_file`) names no image (holdout253)."""
    if _takes_down(command):
        return kept | {_compose_stack(command)}
    if kept and any(w.text != "/dev/null" and not data_file(w.text) for w in written_paths(command)):
        return frozenset()
    return kept


# a step that puts back what ran before: its stack ran on this host, on images the host kept
_PUTTING_BACK = frozenset({"restore", "restores", "rollback", "revert"})


def _puts_back(command: Command, path: str) -> bool:
    """``docker compose up -d app`` in ``rollback()`` after a failed upgrade, or in a restore script
    (``restore-docker.sh``, ``iotstack_restore_postgres``): the stack that ran before starts again on the images the
    host kept (hold-out sets 124, 185, 77); ``up --build`` still builds (:func:`_builds_anew`)."""
    stem = posixpath.splitext(posixpath.basename(path))[0]
    return bool(_PUTTING_BACK & {*name_words(command.function or ""), *name_words(stem)})


def _builds_anew(command: Command, stack: str, built: set[str]) -> bool:
    """``up --build`` of a stack no earlier ``build``, ``up``, ``run`` or ``create`` built: the build pulls its
    Dockerfiles' base images, which a ``compose pull`` before it does not fetch (it pulls the services' ``image:``s
    and skips the built ones). After an ``up`` (it builds the images it lacks) the base images are on the host."""
    return (
        _compose_verb(command) in ("up", "run", "create")
        and stack not in built
        and any(w.text == "--build" for w in command.words)
    )


_PHP = ("composer.phar", "php")  # composer's installer leaves a phar, run by name or by php


def _fetches(command: Command) -> tuple[str, str] | None:
    """The tool a command runs that reaches the network, and the registry or host it reaches though no URL is written
    (None when it stays on the host). Three steps: the forms read whole (a download through another module, a curl
    config file, a jar's own CLI); the tool run and its own words (``python -m pip``, ``php composer.phar``, ``npx
    TOOL``) with the commands whose whole line decides (compose, manifests, builds, stacks); then the tool's rule."""
    if (command.name or "").endswith(".exe"):
        # a Windows branch's program (``venv / "Scripts" / "pip.exe"``): the same tool under its Windows file name
        command = dataclasses.replace(command, name=(command.name or "").removesuffix(".exe"))
    name = command.name or ""
    if name == "curl" and any(w.value is None and MODULE_URL in w.text for w in command.words[1:]):
        return "curl", MODULE_HOST  # a program's download through another module of the product (module_downloads)
    if name == "curl" and _curl_config_only(command):
        return "curl", "the hosts of the URLs its config file lists (curl -K)"
    if name == "java":
        command = _jar_tool(command)  # ``java -jar jenkins-cli.jar -s URL install-plugin git``: the jar's own CLI
    ran = _tool_run(command)
    if ran is None:
        return None  # neither a fetching tool, nor compose, nor ``python -m pip``, nor ``php composer.phar``
    tool, words = ran
    whole = _whole_line_fetch(command, tool)
    if whole is not None:
        return whole
    spec = _TOOLS.get(tool)
    if spec is None:
        return None
    if _has_own_rule(tool, words):
        return _own_rule_fetch(tool, words, spec[1])
    return _verb_fetch(command, tool, words, spec)


def _tool_run(command: Command) -> tuple[str, list[str]] | None:
    """The tool a command runs and the words it is given: the command's own name and words, or the tool run through
    an interpreter or runner (``python -m pip install x`` → pip, ``python -m nltk.downloader punkt``, ``npx
    node-pre-gyp install``, ``php composer.phar``, ``php occ``, Nextcloud's updater phar). None when the command is
    none of the tools this reader knows, so nothing after it is asked."""
    name = command.name or ""
    pip_module = runs_pip_module(command)
    module = [] if pip_module else module_cli(command)
    module = [_ENTRY_MODULES.get(module[0], module[0]), *module[1:]] if module else module
    by_module = bool(module) and module[0] in _MODULE_TOOLS
    if name not in _TOOLS and name not in _COMPOSE_TOOLS and not (pip_module or by_module) and name not in _PHP:
        return None
    tool = name
    words = [w.text for w in command.words]
    if pip_module:
        tool, words = "pip", words[words.index("-m") + 2 :]  # after the interpreter's own switches
    elif by_module:
        tool, words = module[0], module[1:]  # ``python -m nltk.downloader punkt``: the module's command line
    if name == "npx" and not _npx_fetches(words, positional_texts(words, frozenset())):
        ran = _npx_tool(words)  # ``npx node-pre-gyp install``: the dependency's fetching tool, run as itself
        tool, words = (ran[0], ran[1:]) if ran else (tool, words)
    script = words[0].rpartition("/")[2] if words else ""
    if name in _PHP and (name == "composer.phar" or script in ("composer.phar", "composer")):
        # composer's installer leaves ``composer.phar`` (run by name, or as ``php [bin/]composer.phar …``)
        tool, words = "composer", words if name == "composer.phar" else words[1:]
    elif name == "php" and script == "occ":
        tool, words = "occ", words[1:]  # ``php /var/www/html/occ app:install x``: Nextcloud's console
    elif name == "php" and words and words[0].endswith(_NEXTCLOUD_UPDATER):
        tool, words = _NEXTCLOUD_UPDATER, words[1:]  # ``php …/updater/updater.phar --no-interaction``
    return tool, words


def _whole_line_fetch(command: Command, tool: str) -> tuple[str, str] | None:
    """The fetches the whole command line decides, before the tool's verbs are read: a compose stack's pull, up or
    build, an image manifest read, an engine build's base images, a stack deploy."""
    if _compose_fetches(command):
        return "compose", BUILD_REGISTRY if _compose_verb(command) == "build" else _COMPOSE_REGISTRY
    if _reads_manifest(command) is not None:
        return tool, _TOOLS[tool][1]
    if engine_build_pulls(command):
        return f"{tool} build", BUILD_REGISTRY  # not an image tool's pull: no image named, none fetched for later
    if deploys_stack(command):
        return f"{tool} stack", STACK_REGISTRY
    return None


_OWN_RULE_TOOLS = frozenset({"ctr", "oc", "kubeadm", "pacman", "paru", "yay", "pacapt", "softwareupdate", "pihole"})


def _has_own_rule(tool: str, words: list[str]) -> bool:
    """Whether the tool's fetch is decided by a rule of its own rather than by its verb: nouns before the verb,
    kubeadm's image pulls, pacman's flags, softwareupdate, pihole, and a bare ``bundle``/``yarn``."""
    return tool in _OWN_RULE_TOOLS or (tool in ("bundle", "yarn") and not [w for w in words if not w.startswith("-")])


def _own_rule_fetch(tool: str, words: list[str], default: str) -> tuple[str, str] | None:
    """The fetch of a tool with a rule of its own (``_has_own_rule``)."""
    if tool in ("ctr", "oc"):
        # nouns before the verb: ``ctr -n k8s.io images pull REF``, ``oc adm release mirror``, ``oc image mirror``
        ops = positional_texts(words, _NOUN_TOOL_VALUE_OPTIONS)
        fetch = (
            ops[:2] in (["image", "pull"], ["images", "pull"])
            if tool == "ctr"
            else (ops[:3] == ["adm", "release", "mirror"] or ops[:2] == ["image", "mirror"])
        )
        return (tool, default) if fetch else None
    if tool == "kubeadm":
        return (tool, default) if kubeadm_pulls_images(words) else None
    if tool in ("bundle", "yarn"):
        # a bare ``bundle`` is ``bundle install``, a bare ``yarn`` (options only: ``yarn --colors``) is ``yarn
        # install``; ``--version``/``--help`` only print
        return None if {"-v", "--version", "-h", "--help"} & set(words) else (tool, default)
    if tool in ("pacman", "paru", "yay", "pacapt"):
        return (tool, default) if _pacman_fetches(words) else None
    if tool == "softwareupdate":
        return (tool, default) if _SOFTWAREUPDATE_FETCHES & set(words) else None
    host = _PIHOLE_FETCHES.get(words[0]) if words else None  # pihole
    return (tool, host) if host else None


def _verb_fetch(
    command: Command, tool: str, words: list[str], spec: tuple[frozenset[str], str]
) -> tuple[str, str] | None:
    """The fetch of a tool decided by its operands: the verb (``npm install``, ``apt-get update``), a noun and its
    verb (``dnf module install``, ``uv pip sync``), or the operand rule of a tool without verbs (``_OPERAND_TOOLS``);
    then the options and operands that keep a fetching verb on the host (``_stays_local``)."""
    verbs, default = spec
    ops = positional_texts(words, _PROJECT_DIR_OPTIONS.get(tool, frozenset()))
    if tool in ("apt-get", "apt", "aptitude"):
        if apt_simulates(command):
            return None
        ops = [w.text for w in operands(command)]  # ``-o Dpkg::Options::=…`` gives a value, not the action
    if tool in _OPERAND_TOOLS:
        if tool in _ADD_REPOSITORY and _refreshes_after_adding(words, ops):
            return tool, "the distribution's configured mirrors (apt update after adding the component)"
        return (tool, default) if _OPERAND_TOOLS[tool](words, ops) else None
    if tool == "cscli":
        fetch = len(ops) > 1 and ops[0] in verbs and ops[1] in ("update", "upgrade", "install")
        return (tool, default) if fetch else None
    if tool in ("dnf", "yum") and ops[:1] == ["module"]:
        # ``dnf module install nodejs:14`` installs the stream's packages; reset/enable/list only edit or read state
        return (tool, default) if ops[1:2] in (["install"], ["update"]) else None
    if tool == "uv" and ops[:1] in (["pip"], ["tool"]):
        # uv's pip interface (``uv pip install/sync/compile``) and ``uv tool install`` resolve against the index
        verbs = frozenset({"install", "sync", "compile"}) if ops[0] == "pip" else frozenset({"install"})
        offline = {"--offline", "--no-index"} & set(words)
        return (tool, default) if ops[1:2] and ops[1] in verbs and not offline else None
    if tool in ("dnf", "yum") and ops[:2] == ["copr", "enable"]:
        return tool, "Fedora COPR (copr.fedorainfracloud.org: the repository file and its key)"
    if tool in ("yarn", "composer") and ops[:1] == ["global"]:
        ops = ops[1:]  # ``yarn global add X``, ``composer global require X``: run on the tool's global project
    if tool in _NOUNS and ops[:1] and ops[0] in _NOUNS[tool]:
        return (tool, default) if ops[1:2] and ops[1] in _NOUN_VERBS[tool] else None
    if not ops or ops[0] not in verbs or _stays_local(command, tool, words, ops):
        return None
    return tool, _VERB_HOSTS.get((tool, ops[0]), default)


def _stays_local(command: Command, tool: str, words: list[str], ops: list[str]) -> bool:
    """Whether a fetching verb is kept on the host by its options or operands: a helm subcommand that reads no
    repository, pip without an index or with local files only, offline or cached installs, a rollback, packages
    given as files on disk, ``--pull=never``, a local chart, plugins given as URLs or files, formulae given by URL."""
    if tool == "helm" and ops[0] == "dependency" and (len(ops) < 2 or ops[1] not in ("update", "build")):
        return True
    if tool == "helm" and ops[0] == "repo" and ops[1:2] not in (["update"], ["up"]):
        return True  # ``helm repo update`` fetches every configured repository's index; ``repo add URL`` names it
    if tool in ("pip", "pip3") and "--no-index" in words:
        return True
    if tool in ("pip", "pip3") and _installs_local_files_only(words, ops):
        return True
    if tool == "uv" and "--offline" in words:
        return True  # the cache only: uv contacts no index
    if tool == "dotnet" and ops[0] in _DOTNET_BUILDS and {"--no-restore", "--no-build"} & set(words):
        return True  # the packages an earlier ``dotnet restore`` put in the local cache
    if tool == "bundle" and ops[:1] == ["install"] and "--local" in words:
        return True  # gems from the local cache (vendor/cache, installed gems) only: no source is contacted
    if tool == "bundle" and ops[:1] == ["add"] and "--skip-install" in words:
        return True  # only writes the Gemfile line; without it ``bundle add`` resolves and installs the gem
    if tool == "carton" and ops[:1] == ["install"] and "--cached" in words:
        return True  # modules from the bundled vendor/cache only
    if tool == "composer" and ops[0] in ("self-update", "selfupdate") and {"-r", "--rollback"} & set(words):
        return True  # back to the composer.phar kept by the last update, on disk
    installs = ops[0] == "install" if tool in ("apt-get", "apt", "dnf", "yum", "zypper") else ops[0] == "add"
    if installs and tool in ("apt-get", "apt", "dnf", "yum", "zypper", "apk"):
        packages = ops[1:]  # ``apk add --allow-untrusted "$TMP/x.apk"`` installs a file on disk, as apt's ``./x.deb``
        if packages and all(p.endswith(_LOCAL_SUFFIXES) and "/" in p for p in packages):
            return True
    if tool in ("docker", "podman", "nerdctl") and ops[0] in ("run", "create") and "--pull=never" in words:
        return True
    if tool == "helm" and _helm_local_chart(words):
        return True
    if tool == "jenkins-cli" and ops[1:] and all("://" in o or o.endswith(_PLUGIN_FILES) for o in ops[1:]):
        return True  # plugins given as URLs (their hosts named) or files on disk (``=`` reads one from stdin)
    return tool == "brew" and only_urls(command)  # every formula given by URL: fetched from that host (an endpoint)


_DOTNET_BUILDS = frozenset({"build", "publish", "run", "test", "pack"})
_PLUGIN_FILES = (".hpi", ".jpi", "=")
_JARS = {"jenkins-cli.jar": "jenkins-cli"}  # a tool's jar, run by ``java -jar``, and the tool's name here


def _jar_tool(command: Command) -> Command:
    """``java -jar /tmp/jenkins-cli.jar -s http://localhost:8080 install-plugin git`` as ``jenkins-cli -s …
    install-plugin git`` (the words after the jar); the command as written for any other jar or java run."""
    words = command.words
    at = next((i for i, w in enumerate(words[:-1]) if w.text == "-jar"), None)
    tool = _JARS.get(posixpath.basename(words[at + 1].text)) if at is not None else None
    if at is None or tool is None:
        return command
    return with_fields(command, name=tool, words=words[at + 2 :])


def _curl_config_only(command: Command) -> bool:
    """``curl -K plugins.txt``: every URL comes from the config file curl reads (``url = …`` lines), none from the
    command line, so the hosts reached are written nowhere in the script (hold-out set 170's TeamCity template, whose
    list is itself downloaded). A URL or another operand on the line is read as that URL's endpoint instead."""
    configs = option_values(command, "-K", "--config")
    named = [w for w in command.words if "://" in w.text or url_host(w.text) is not None]
    return bool(configs) and not named and not [w for w in operands(command) if w not in configs]


_PIP_NO_DEPS = frozenset({"--no-deps", "--no-dependencies"})
_PIP_REQUIREMENTS = ("-r", "--requirement", "-c", "--constraint", "-e", "--editable")


def _installs_local_files_only(words: list[str], ops: list[str]) -> bool:
    """``pip install --no-dependencies ./dist/app*.whl``: archives on disk and nothing resolved for them, so no
    index is asked (a requirement file, a name or a URL among them is still fetched)."""
    if ops[:1] != ["install"] or not (_PIP_NO_DEPS & set(words)):
        return False
    if any(w.split("=", 1)[0] in _PIP_REQUIREMENTS or w.startswith(("-r", "-c", "-e")) for w in words):
        return False
    files = ops[1:]
    return bool(files) and all("/" in f and "://" not in f and f.endswith(_LOCAL_SUFFIXES) for f in files)


# A verb that contacts another host than the tool's registry: composer's self-update fetches composer itself.
_VERB_HOSTS = {
    ("composer", "self-update"): "getcomposer.org",
    ("composer", "selfupdate"): "getcomposer.org",
}


# Verbs of an engine that read an image's manifest from its registry without pulling it.
_MANIFEST_VERBS = (("buildx", "imagetools", "inspect"), ("buildx", "imagetools", "create"), ("manifest", "inspect"))


def _reads_manifest(command: Command) -> Word | None:
    """``docker buildx imagetools inspect REF``, ``docker manifest inspect REF``: the registry is asked for REF's
    manifest (its digest, its platforms); the reference read, else None."""
    if command.name not in ("docker", "podman"):
        return None
    ops = [w for w in command.words if not w.text.startswith("-")]
    for verbs in _MANIFEST_VERBS:
        if tuple(w.text for w in ops[: len(verbs)]) == verbs and len(ops) > len(verbs):
            return ops[len(verbs)]
    return None


def _image_word(command: Command) -> Word | None:
    """The image an engine's ``pull``/``run``/``create`` names (past its options' values), the reference a
    manifest read names, else the first operand after the verb."""
    manifest = _reads_manifest(command)
    if manifest is not None:
        return manifest
    if command.name in ("ctr", "crictl"):  # ``ctr images pull REF``: the reference after the verb
        ops = operands(command)
        at = next((i for i, w in enumerate(ops) if w.text == "pull"), len(ops))
        return ops[at + 1] if at + 1 < len(ops) else None
    return image_word(command) or next((w for w in operands(command)[1:] if not w.text.startswith("-")), None)


def _image(command: Command) -> str:
    word = _image_word(command)
    return word.text if word is not None else ""


# A word that is one variable: ``"${IMAGE}"``, ``$IMAGE``.
_LONE_VARIABLE = re.compile(r"\$\{\w+\}|\$\w+")


def _images_fetched(command: Command, script: Script) -> set[str]:
    """The images a ``docker pull``/``run`` fetches: its image, or each item of the loop its variable walks
    (``for image in $curl $jq; do docker pull $image; done``)."""
    word = _image_word(command)
    if word is None:
        return set()
    items = {i for name in word.expands for a in script.bindings(name) for i in a.items}
    # an image named by one variable is also known by that name (``docker pull "${IMAGE}"`` then a run whose
    # options variable holds ``${IMAGE}``)
    lone = len(word.expands) == 1 and _LONE_VARIABLE.fullmatch(word.raw.strip('"')) is not None
    spelt = {f"${word.expands[0]}"} if lone else set()
    return items | spelt | {word.text}


def _spellings(images: set[str]) -> set[str]:
    """Each image reference with the name the engine resolves it to: no tag is ``:latest`` and Docker Hub's
    ``docker.io/`` and ``library/`` prefixes are implied (``docker pull app/web:latest`` then ``docker run app/web``
    is one image). A reference with a variable or a digest is kept as written."""
    out = set(images)
    for ref in images:
        if not ref or "$" in ref or "@" in ref:
            continue
        name = ref.removeprefix("docker.io/").removeprefix("library/")
        last = name.rsplit("/", 1)[-1]
        out.add(name if ":" in last else f"{name}:latest")
    return out


def _made_here(command: Command) -> set[str]:
    """Images the command makes on this host: ``docker build -t NAME`` (``podman``/``nerdctl``/``buildah bud``,
    ``buildx build``, ``image build``) and ``docker tag SOURCE NAME``; a later run of NAME fetches nothing."""
    if command.name not in ("docker", "podman", "nerdctl", "buildah"):
        return set()
    verbs = [w.text for w in command.words if not w.text.startswith("-")][:2]
    if verbs[:1] in (["build"], ["bud"]) or verbs in (["image", "build"], ["buildx", "build"]):
        return {w.text for w in option_values(command, "-t", "--tag")}
    if verbs[:1] == ["tag"] or verbs == ["image", "tag"]:
        ops = operands(command)
        return {ops[-1].text} if len(ops) >= 3 else set()
    return set()


def _git_fetches(script: Script) -> Iterator[Command]:
    """``git pull``/``git fetch``/``git remote update`` of a remote the checkout already has: the host is in its
    configuration, not in the script. A pull of a remote the script itself added with its URL
    (``cd dir; git remote add origin URL; git pull origin``, or ``git clone URL dir; git -C dir pull origin``)
    is that URL's endpoint instead, unless the script adds it only in another branch of the statement the pull is
    in (``if [ ! -d .git ]; then git init; git remote add origin URL; git fetch; else git pull; fi``): there the
    pull is of the remote an earlier install configured. ``git submodule update`` fetches the commits the
    submodules lack from the URLs in ``.gitmodules``, ``git lfs pull``/``fetch`` the large files from the checkout's
    LFS server: neither host is in the script. After a pull of the same checkout, they are counted with it (one
    update of the checkout: ``git pull; git submodule update --init``). A checkout whose remote the script gives
    as a folder of this host, in any branch (:func:`_local_remote`), is pulled from there: no network."""
    added: dict[tuple[str, str], list[Command]] = {}
    pulled: set[str] = set()
    local = {_added_key(ops, where) for command, ops, where in _git_steps(script) if _local_remote(command)}
    for command, ops, where in _git_steps(script):
        if ops[:2] == ["remote", "add"] and len(ops) >= 4:
            added.setdefault(_added_key(ops, where), []).append(command)
        elif ops[0] == "clone" and len(ops) >= 2:  # ``git clone URL DIR``: DIR's origin is that URL
            added.setdefault(_added_key(ops, where), []).append(command)
            if _url_from_run_time(operands(command)[1]):
                yield command  # ``git clone $GITHUB_URL`` with the URL read from a settings file: no host here
        elif ops[:2] == ["submodule", "update"] or ops[:2] in (["lfs", "pull"], ["lfs", "fetch"]):
            if where not in pulled:
                yield command  # the submodules' remotes named in .gitmodules, the checkout's LFS server
        elif ops[0] in ("pull", "fetch") or ops[:2] == ["remote", "update"]:
            pulled.add(where)
            remote = ops[1] if ops[0] != "remote" and len(ops) > 1 else "origin"
            adding = added.get((where, remote), [])
            named = "://" in remote or "@" in remote or (where, remote) in local
            if not named and all(exclusive(a.arms, command.arms) for a in adding):
                yield command


def _git_steps(script: Script) -> Iterator[tuple[Command, list[str], str]]:
    """Each ``git`` command with its operands and the checkout it acts on (``-C DIR``, else the folder the last
    ``cd`` entered)."""
    cwd = "."
    for command in once_arms(list(script.commands), script):
        if command.name not in ("cd", "git"):
            continue
        ops = [w.text for w in operands(command)]
        if command.name == "cd" and len(ops) == 1:
            cwd = ops[0]
        if command.name == "git" and ops:
            yield command, ops, next((o.text for o in option_values(command, "-C")), cwd)


def _added_key(ops: list[str], where: str) -> tuple[str, str]:
    """The (checkout, remote) a ``git remote add NAME URL`` or ``git clone URL [DIR]`` configures."""
    if ops[0] == "clone":
        return (ops[2] if len(ops) > 2 else posixpath.basename(ops[1].rstrip("/")).removesuffix(".git"), "origin")
    return where, ops[2] if len(ops) > 2 else ""


def _local_remote(command: Command) -> bool:
    """``git clone /var/git/app.git/ app`` or ``git remote add origin /srv/git/app.git``: the remote is a folder of
    this host (an absolute or relative path, ``file://``), so a pull of that checkout, also in another branch of the
    script (the install that ran before configured the same folder), reaches no network (hold-out set 187's
    videobase: ``git pull`` of the test checkout cloned from the server's own bare repository)."""
    ops = [w.text for w in operands(command)]
    clone = ops[:1] == ["clone"] and len(ops) > 1
    url = ops[1] if clone else ops[3] if ops[:2] == ["remote", "add"] and len(ops) > 3 else ""
    return url.startswith(("/", "./", "../", "file://")) and "$" not in url


def _verb(command: Command) -> str:
    """A command's first operand (``git clone …`` gives ``clone``)."""
    ops = operands(command)
    return ops[0].text if ops else ""


def _url_from_run_time(url: Word) -> bool:
    """A clone URL the script reads at run time (``GITHUB_URL=$(grep … settings.py)``): its host is not in the
    script, as a pull's configured remote is not."""
    from_output = url.generated or "$(" in url.text or "`" in url.text
    return url.value is None and from_output and url_host(url.prefix or "") is None


# What a git command reaches that the script does not name, by its verb.
_GIT_SOURCES = {
    "clone": "a repository URL read at run time",
    "submodule": "the submodules' remotes (.gitmodules)",
    "lfs": "the repository's LFS server",
}

_BARE = re.compile(r"""^["']?\$\{?([A-Za-z_]\w*)\}?["']?$""")


def _chosen_installer(command: Command, script: Script) -> Command:
    """``$DISTRO_INSTALL $1`` in a function whose variable another function sets to ``dnf -y install`` or
    ``apt-get install`` (the reader knows no single value at the use): the command is one of those the script
    assigns, and each of them installs; read as the first value that fetches."""
    program = command.program
    m = _BARE.match(program.raw) if command.name is None and program is not None else None
    if m is None:
        return command
    tested = value_tested(command, m.group(1))  # ``if [ "$pm" = yum ]; then sudo "$pm" -y update``
    tested = tested if tested is not None else _tested_at_call(command, m.group(1), script)
    if tested is not None:
        chosen = dataclasses.replace(command, name=posixpath.basename(tested))
        return chosen if _fetches(chosen) is not None else command
    bindings = script.bindings(m.group(1))
    for assignment in bindings:
        parts = (assignment.value or "").split()
        if not parts:
            continue
        words = tuple(Word(p, p, assignment.line) for p in parts[1:]) + command.words
        chosen = dataclasses.replace(command, name=posixpath.basename(parts[0]), words=words)
        if _fetches(chosen) is not None:
            return chosen
    spelled = _spelled_tool(m.group(1)) if not bindings else None
    if spelled is None:
        return command if bindings else _unnamed_package_manager(command)
    verb = Word(spelled[1], spelled[1], command.line)
    chosen = dataclasses.replace(command, name=spelled[0], words=(verb, *command.words))
    return chosen if _fetches(chosen) is not None else command


# switches that answer a system package manager's confirmation (apt-get/yum/dnf ``-y``, zypper ``-n`` is global)
_ASSUME_YES = frozenset({"-y", "--yes", "--assumeyes", "--assume-yes"})


def _unnamed_package_manager(command: Command) -> Command:
    """``${pmt} install -y nginx`` with the program a parameter nothing here assigns (a caller's ``yum`` or
    ``apt-get``, tested only in the calling program; hold-out set 262's trojan-go-cmd): ``install`` with an
    answer-yes switch is the distribution package manager's install, read as ``apt-get``'s; else as written."""
    values = [w.value for w in command.words]
    if "install" not in values[:2] or not _ASSUME_YES & set(values):
        return command
    chosen = dataclasses.replace(command, name="apt-get")
    return chosen if _fetches(chosen) is not None else command


def _spelled_helper(command: Command, script: Script, paths: frozenset[str]) -> tuple[Command, tuple[str, str] | None]:
    """A program or function neither the script nor the package defines (a distribution's helper, a sourced
    library's function) whose name spells a package manager and one of its fetching verbs (DietPi's
    ``/DietPi/dietpi/dietpi-apt-get_update 0``, holdout17): read as that tool and verb, with no operands of its own
    (what it installs is the helper's); the command as written otherwise."""
    name = command.name or ""
    if not name or name in _TOOLS or name in script.functions or not re.search(r"[-_]", name):
        return command, None
    spelled = _spelled_tool(name.replace("-", "_"))
    if spelled is None or name in _file_names(paths):
        return command, None
    chosen = dataclasses.replace(command, name=spelled[0], words=(Word(spelled[1], spelled[1], command.line),))
    return chosen, _fetches(chosen)


@functools.lru_cache(maxsize=8)
def _file_names(paths: frozenset[str]) -> frozenset[str]:
    """The file names of the package's paths, made once per package (asked for every command of every script)."""
    return frozenset(posixpath.basename(p) for p in paths)


def _spelled_tool(variable: str) -> tuple[str, str] | None:
    """``$minimal_apt_get_install apt-transport-https`` with the variable set in a sourced file the package does not
    hold (phusion's ``buildconfig``; holdout8): a name that spells a package manager and one of its fetching verbs,
    in that order (``apt_get_install``, ``apk_add``, ``pip_install``), is read as that tool and verb; (tool, verb),
    else None."""
    said = [w.lower() for w in variable.split("_") if w]
    for i in range(len(said)):
        for size in (2, 1):
            tool = "-".join(said[i : i + size])
            after = said[i + size : i + size + 1]
            if tool in _TOOLS and after and after[0] in _TOOLS[tool][0]:
                return tool, after[0]
    return None


_POSITIONAL = re.compile(r"\$\{?([1-9])\}?")


def _tested_at_call(command: Command, name: str, script: Script) -> str | None:
    """``install_packages() { local pm=$1; sudo "$pm" -y install …; }`` called as ``install_packages "$pm"`` in the
    branch of ``if [ "$pm" = yum ]``: the program is the literal the caller's test compared its argument with (the
    first call so tested; hold-out set 190's SSH-Accounting-Panel)."""
    held = [a for a in script.bindings(name) if a.local and a.function == command.function]
    m = _POSITIONAL.fullmatch(held[0].shape or "") if len(held) == 1 and command.function else None
    if m is None:
        return None
    at = int(m.group(1)) - 1
    for call in script.commands:
        given = call.words[at] if call.name == command.function and len(call.words) > at else None
        passed = _BARE.match(given.raw) if given is not None else None
        tested = value_tested(call, passed.group(1)) if passed is not None else None
        if tested is not None:
            return tested
    return None


def _written_sources(script: Script) -> dict[tuple[int, str], str]:
    """For each command that reads package sources the script wrote above it, the hosts they name (source_lists):
    ``apt-get update`` after ``echo "deb https://download.docker.com/…" | tee …/docker.list`` reaches that host too."""
    named: dict[tuple[int, str], dict[str, int]] = {}
    for c in source_contacts(script):
        named.setdefault((c.reader.line, c.reader.text), {}).setdefault(c.host, c.written_at)
    return {
        key: " and " + ", ".join(f"{host} (the source written on line {line})" for host, line in hosts.items())
        for key, hosts in named.items()
    }


def _run_in_container(command: Command) -> tuple[Command, tuple[str, str] | None]:
    """A fetching tool a container runs (``docker compose exec -T web composer install``, ``docker exec app pip
    install -r requirements.txt``): the container reaches the same registry; the command as written otherwise."""
    inner = container_command(command)
    found = _fetches(inner) if inner is not None else None
    return (inner, found) if inner is not None and found is not None else (command, None)


def _launched(command: Command) -> Command | None:
    """The tool a launcher runs by its bare name: ``npx puppeteer browsers install chrome`` (the project's own
    binary, which npx does not fetch: ``_npx_fetches``) and ``python -m playwright install`` (the module's command
    line) are ``puppeteer …`` and ``playwright …``, read by that tool's own verbs. None for anything else (a path,
    a package at a version, options before the name)."""
    words = command.words
    name = command.name or ""
    if name == "npx":
        at = 0
    elif name.startswith(("python", "pypy")) and len(words) > 1 and words[0].text == "-m":
        at = 1
    else:
        return None
    tool = words[at].value if len(words) > at else None
    if tool is None or not _BARE_TOOL.fullmatch(tool):
        return None
    return with_fields(command, name=tool, program=words[at], words=words[at + 1 :])


_BARE_TOOL = re.compile(r"[a-z][a-z0-9-]*")


def _fetches_at_all(command: Command) -> bool:
    """Whether the command fetches, itself or in the container it runs in."""
    return _fetches(command) is not None or _run_in_container(command)[1] is not None


def _module_held(command: Command, path: str, paths: frozenset[str]) -> bool:
    """Whether the package holds the module a program's download through another module names
    (``SHIPGATE_MODULE='./download' curl …``, ``module_downloads``)."""
    module = next((w.text for name, w in command.env if name == MODULE), None)
    return module is not None and held(path, module, paths)


def _binary_host_written(ctx: Context, path: str) -> bool:
    """A package.json whose script runs ``node-pre-gyp install`` and whose ``binary.host`` is a URL: the prebuilt
    binary comes from the host written in the same file (an ``external_endpoint`` there), not from one named nowhere
    (hold-out set 78's grpc-tools; a host in another file stays ``implicit_egress``, holdout50's nodegit)."""
    if posixpath.basename(path) != "package.json":
        return False
    text = next((t for t in ctx.texts if t.path == path), None)
    try:
        manifest = json.loads("\n".join(line.text for line in text.lines)) if text is not None else None
    except ValueError:
        return False
    binary = manifest.get("binary") if isinstance(manifest, dict) else None
    host = binary.get("host") if isinstance(binary, dict) else None
    return isinstance(host, str) and url_host(host) is not None


def registry_verbs(tool: str) -> tuple[frozenset[str], str] | None:
    """The verbs of a package manager that fetch (``npm`` → ``install``/``i``/``ci``/``update``) and the registry
    they reach when the command names none, as this reader takes them: for the other readers of the same tools
    (a Windows script's ``npm install``, ``windows/checks.py``)."""
    return _TOOLS.get(tool)


def _scripts_run(ctx: Context) -> list[tuple[str, Script]]:
    """Every script whose commands run, with its path: the package's run steps; an image build's in-chroot scripts,
    which fetch over the build host's network (``image_elements``); a service's Exec* lines, which run at every start
    (``ExecStartPre=/usr/bin/docker pull image`` fetches like a script); and the ExecStart lines of a unit a script
    writes and starts, which run in the script's run (``started_units``)."""
    run_steps = list(steps(ctx))
    started = [(path, unit) for path, script in run_steps for unit in started_unit_commands(script)]
    return [*run_steps, *image_build_steps(ctx), *ctx.parsed.unit_commands.items(), *started]


@dataclasses.dataclass
class _ScriptReading:
    """What the reading of one script keeps from command to command: the lines already reported, the images on the
    host, the compose stacks built or kept, the caches a build would fill (go, cargo, swift), and the commands of the
    script indexed by where each is written (a function's command is read once per call, with that call's
    arguments)."""

    script: Script
    remotes: set[tuple[int, str]]  # git commands that reach a remote
    ports: set[tuple[int, str]]  # ``make install`` of a ports tree: the port's distfiles
    sources: dict[tuple[int, str], str]  # the sources a command's registry is written to before it
    read: dict[int, Command]  # each written command as read through the runners that run it
    originals: dict[tuple[int, str], Command]  # a body command before a call bound it
    seen: set[int] = dataclasses.field(default_factory=set)
    images: set[str] = dataclasses.field(default_factory=set)
    built: set[str] = dataclasses.field(default_factory=set)  # stacks whose images a ``build`` (``up --build``) made
    kept: frozenset[str] = frozenset()  # stacks taken down, nothing written since: the same images start again
    modules: ModuleCache = dataclasses.field(default_factory=ModuleCache)
    crates: CrateCache = dataclasses.field(default_factory=CrateCache)
    checkouts: SwiftCheckouts = dataclasses.field(default_factory=SwiftCheckouts)

    @classmethod
    def of(cls, script: Script) -> _ScriptReading:
        return cls(
            script=script,
            remotes={(c.line, c.text) for c in _git_fetches(script)},
            ports={(c.line, c.text) for c in ports_builds(script)},
            sources=_written_sources(script),
            read={id(w): c for w, c in zip(script.commands, read_through_runners(script), strict=True)},
            originals={(c.line, c.text): c for c in script.commands},
        )


def _command_fetch(ctx: Context, reading: _ScriptReading, written: Command) -> tuple[Command, tuple[str, str] | None]:
    """The command as it runs and what it fetches (tool and registry), or None: after noting the images and stacks
    it makes, a git remote, a ports build, the tool itself (``_fetches``), the command a container, helper or
    launcher runs, and a go, cargo or swift build that fetches only what its cache lacks. A fetch a function's body
    makes with its call's arguments is reported at the call that decides it."""
    script = reading.script
    command = bound = reading.read.get(id(written), written)
    reading.images |= _spellings(_made_here(command))
    if _compose_verb(command) == "build":  # the stack's images are built here: a later ``run``/``up`` has them
        reading.images.add(_compose_stack(command))
        reading.built.add(_compose_stack(command))
    reading.kept = _kept_after(command, reading.kept)
    remote = (written.line, written.text) in reading.remotes
    command = _chosen_installer(command, script)  # ``$DISTRO_INSTALL x`` read as the command it names
    source = _GIT_SOURCES.get(_verb(command), "the repository's configured remote")
    found = ("git", source) if remote else _fetches(command)
    if (written.line, written.text) in reading.ports:  # ``cd /usr/ports/x && make install``: the port's distfiles
        found = ("make", PORTS_SOURCE)
    if found is None and not remote:
        command, found = _run_in_container(command)
    if found is None and not remote:  # ``dietpi-apt-get_update 0``: a helper named for the tool's fetch
        command, found = _spelled_helper(command, script, ctx.package_paths)
    launched = _launched(command) if found is None and not remote else None
    if launched is not None and _fetches(launched) is not None:
        command, found = launched, _fetches(launched)  # ``npx puppeteer browsers install chrome``
    if command.name == "go" and not remote:  # a build fetches what the module cache lacks (go_fetch)
        found = ("go", _TOOLS["go"][1]) if reading.modules.fetches(command) else None
    builds = reading.crates.fetches(command) if command.name == "cargo" and not remote else None
    if builds is not None:  # a build fetches the crates the registry cache lacks (cargo_fetch)
        found = ("cargo", _TOOLS["cargo"][1]) if builds else None
    clones = reading.checkouts.fetches(command) if command.name == "swift" and not remote else None
    if clones is not None:  # a build clones the dependencies it has no checkout of (swift_fetch)
        found = ("swift", _TOOLS["swift"][1]) if clones else None
    if found is not None and not remote and command.name not in ("go", "cargo", "swift"):
        # ``compose pull`` of ``compose() { docker compose -f F "$@"; }``: reported at the call
        original = reading.originals.get((written.line, written.text), written)
        line = deciding_call(bound, original, _fetches_at_all)
        command = command if line is None else with_fields(command, line=line)
    return command, found


def _read_elsewhere(ctx: Context, path: str, command: Command, found: tuple[str, str]) -> bool:
    """Whether the host of the fetch is written in a file of the package and read there: a download module the
    package holds names its own host; a package.json's ``binary.host`` is an endpoint of that file."""
    if found[1] == MODULE_HOST and _module_held(command, path, ctx.package_paths):
        return True  # the download module is in the package: its own file names the host, read there
    return found[0] == "node-pre-gyp" and _binary_host_written(ctx, path)


def _images_present(reading: _ScriptReading, path: str, command: Command, tool: str) -> bool:
    """Whether the images the command would fetch are already on the host, noting those it fetches. A stack's images
    are fetched once: an ``up`` after a ``pull`` (or an ``up``) of the same compose files fetches none; every ``pull``
    asks the registry again for newer images. An image tool's image pulled or made before is not fetched again."""
    if tool == "compose":
        stack = _compose_stack(command)
        present = stack in reading.images or stack in reading.kept or _puts_back(command, path)
        asks = _compose_verb(command) in ("pull", "build")  # every pull and forced-pull build asks again
        if present and not asks and not _builds_anew(command, stack, reading.built):
            reading.images.add(stack)  # started on the images it kept: a later ``up`` finds them too
            return True
        reading.images.add(stack)
        if _compose_verb(command) in ("up", "run", "create"):
            reading.built.add(stack)  # an ``up`` builds the images its stack lacks: their base images are here after
    if tool in _IMAGE_TOOLS:
        fetched = _images_fetched(command, reading.script)
        if _spellings({_image(command)}) & reading.images:
            return True
        reading.images |= _spellings(fetched)
    return False


def _unnamed_registry(
    ctx: Context, reading: _ScriptReading, command: Command, found: tuple[str, str], configured: dict[str, str]
) -> str | None:
    """The registry the command reaches though no URL is written, or None when it is written (a registry option or
    config), internal, or an allowed endpoint of the target."""
    if _registry_written(command):
        return None
    tool, default = found
    registry, is_host = _registry(command, tool, default, configured)
    registry += reading.sources.get((command.line, command.text), "")
    inventory = ctx.inventory
    if is_host and (is_internal(registry) or (inventory is not None and inventory.endpoint_allowed(registry))):
        return None
    return registry


def scan(ctx: Context) -> Iterator[Finding]:
    """``preflight.implicit_egress``: a command that reaches the network although no URL is written (a package
    manager's registry, an image registry, a git remote, a build's dependency cache), once per line, in the order
    functions are called (a pull in the main flow comes before the ``up`` of a function above it)."""
    configured = _configured(ctx)
    for path, script in _scripts_run(ctx):
        reading = _ScriptReading.of(script)
        for written in in_call_order(script, argument_runners(script)):
            command, found = _command_fetch(ctx, reading, written)
            if found is None or command.line in reading.seen or on_removal_only(command):
                continue
            if _read_elsewhere(ctx, path, command, found) or _images_present(reading, path, command, found[0]):
                continue
            registry = _unnamed_registry(ctx, reading, command, found, configured)
            if registry is None:
                continue
            tool = found[0]
            reading.seen.add(command.line)
            yield at_command(
                "preflight.implicit_egress",
                Severity.MEDIUM,
                path=path,
                command=command,
                tool=tool,
                registry=registry,
                message=f"{tool} reaches the network ({registry}) although no URL is written here",
                remedy="Mirror what the step fetches inside the organisation (or ship it in the package), and list "
                "the registry in network.allowed_endpoints if the target may reach it.",
            )
