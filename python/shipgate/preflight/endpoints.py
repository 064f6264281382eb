"""Endpoints: hosts the package contacts (network commands in scripts and cron jobs, settings in config and
units) outside ``network.allowed_endpoints``, and cloud metadata addresses anywhere.

A host is contacted when a network command connects to it (a URL or host operand, directly or through a
variable assigned elsewhere: both lines are reported), or when configuration names it as a host/URL setting
(also in a host list, an HAProxy ``server`` line, an nginx ``upstream`` or an rsyslog forwarding rule; not in a
repository, INI section or YAML mapping that switches itself off, nor a mail relay whose file's mail transport
sends nothing (``shipgate.preflight.unsent_mail``), nor in a trailing ``# …`` comment; a Helm
chart's template comments, metadata and image repositories are not settings: shipgate.preflight.helm).
A URL in an ``echo``, a heredoc shown to the operator or a comment is a mention (info). Internal names and
addresses (``hosts.is_internal``) are never reported; ``example.com`` and ``*.test`` names are names like any other
(RFC 6761 asks applications not to treat them specially)."""

from __future__ import annotations

import dataclasses
import itertools
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight import helm, lifecycle, makefile
from shipgate.preflight.boot_menus import menu_text_lines
from shipgate.preflight.browser_links import browser_link_lines
from shipgate.preflight.bundled_libraries import bundled_library_lines
from shipgate.preflight.compose import own_names
from shipgate.preflight.connection_strings import line_connection_strings
from shipgate.preflight.contents import Context, Kind, Line, TextFile, at_line
from shipgate.preflight.craft_parts import build_part_lines
from shipgate.preflight.csp_sources import csp_source
from shipgate.preflight.distributed import (
    authorization_page,
    built_page_anchor,
    is_browser_script,
    is_development_file,
    names_no_setting,
    names_vocabulary,
    page_anchor,
    prose_string_lines,
    regex_url,
    shown_or_named,
    user_agent_link,
    vcs_keyword,
)
from shipgate.preflight.dotted_switches import switched_off_group_lines
from shipgate.preflight.example_blocks import example_block_lines
from shipgate.preflight.example_logins import example_login_lines
from shipgate.preflight.feed_documents import is_served_feed
from shipgate.preflight.go_requested_urls import request_lines as go_request_lines
from shipgate.preflight.go_shown import shown_lines as go_shown_lines
from shipgate.preflight.hosts import bare_host, is_internal, is_metadata, url_host
from shipgate.preflight.html_escaped_links import html_escaped_link
from shipgate.preflight.ini_sections import section_of_lines
from shipgate.preflight.install_environment import installer_settings
from shipgate.preflight.jetty_modules import module_text_lines
from shipgate.preflight.js_script import shown_lines
from shipgate.preflight.link_sections import link_section_lines
from shipgate.preflight.local_storage import unused_store_lines
from shipgate.preflight.mail_messages import in_mail_templates, is_mail_message
from shipgate.preflight.markup import (
    block_comment_lines,
    documentation_lines,
    identifier_lines,
    in_spans,
    is_documentation,
    is_localization,
    is_program_source,
    public_armor_lines,
    without_xml_comments,
)
from shipgate.preflight.option_hosts import address_options
from shipgate.preflight.own_host_urls import own_host_lines
from shipgate.preflight.own_name_prefix import own_name_prefix_lines
from shipgate.preflight.package_imports import Use
from shipgate.preflight.package_scripts import is_package_recipe
from shipgate.preflight.perl_script import not_run_lines as perl_not_run_lines
from shipgate.preflight.perl_script import shown_lines as perl_shown_lines
from shipgate.preflight.php_host_settings import php_string_settings
from shipgate.preflight.php_shown import shown_lines as php_shown_lines
from shipgate.preflight.placeholder_hosts import placeholder_host
from shipgate.preflight.prefix_switches import prefix_switched_off_lines
from shipgate.preflight.printing_helpers import printed_argument_lines
from shipgate.preflight.project_layout import is_page_template, is_vendored_web_asset
from shipgate.preflight.public_suffix import has_public_suffix
from shipgate.preflight.python_host_values import python_host_values
from shipgate.preflight.requested_locals import requested_local_lines
from shipgate.preflight.requested_urls import literals_behind, request_lines, requested_literal_lines
from shipgate.preflight.resolver_servers import written_name_servers
from shipgate.preflight.ruby_shown import shown_lines as ruby_shown_lines
from shipgate.preflight.runners import installed_payload, is_developer_tooling, is_payload_tool, is_served_elsewhere
from shipgate.preflight.rust_platform import other_os_lines as rust_other_os_lines
from shipgate.preflight.rust_requested_urls import request_lines as rust_request_lines
from shipgate.preflight.rust_shown import shown_lines as rust_shown_lines
from shipgate.preflight.self_tests import self_test_lines
from shipgate.preflight.settings_declaration import declaration_text_lines
from shipgate.preflight.shell.arguments import bound_calls
from shipgate.preflight.shell.commands import (
    contacted_hosts,
    has_flag,
    is_network,
    option_values,
    url_text,
    urls,
)
from shipgate.preflight.shell.functions import (
    echoed_values,
    library_functions,
    network_functions,
    read_through_runners,
)
from shipgate.preflight.shell.leading_alternatives import leading_alternatives
from shipgate.preflight.shell.model import Assignment, Command, Script, Word
from shipgate.preflight.shell.reaching import alternatives
from shipgate.preflight.source_links import browser_asset, documentation_page, source_link_lines
from shipgate.preflight.stylesheet_comments import stylesheet_comment_lines
from shipgate.preflight.template_comments import template_comment_lines
from shipgate.preflight.toml_prose import toml_text_lines
from shipgate.preflight.unconfigured_providers import unconfigured_provider_lines
from shipgate.preflight.unsent_mail import unsent_mail_lines
from shipgate.preflight.url_lists import repeated_element_lines
from shipgate.preflight.url_roles import (
    compared,
    in_sentence,
    licence_page,
    markdown_link,
    module_metadata_lines,
    namespace_map_lines,
    oauth_scope,
    relation_type,
    repository_page,
    schema_name,
    scope_list_lines,
    scope_setting_lines,
    type_list_lines,
)
from shipgate.preflight.windows.installer_metadata import metadata_lines
from shipgate.preflight.windows.network import contacts
from shipgate.preflight.xml_backends import unchosen_backend_lines
from shipgate.preflight.xml_examples import example_element_lines
from shipgate.preflight.yaml_prose import prose_continuation_lines

_HOST_KEY = re.compile(
    r"(?i)^\s*[\"']?([\w.-]{0,128}(?:host|server|endpoint|address|addr|url|uri|remote|upstream|proxy|mirror|registry"
    r"|repo(?:sitory)?|baseurl|broker|dsn)[\w.-]{0,64})[\"']?\s*[:=]\s*[\"']?([^\s\"',#;]{1,512})"
)
# Settings that name the product's own public address (the name clients use to reach it), not a host the
# product connects to: SERVER_NAME, PROXY_DOMAIN, SITE_URL, APP_URL, ALLOWED_HOSTS, redirect/callback URLs (also
# spelled with a hyphen or a dot, ``redirect-uri``: holdout121; YAML's ``base-url``, holdout249), and
# the public names clients fetch its files from (S3_ALIAS_HOST, CDN_HOST, ASSET_HOST, PUBLIC_HOST).
_OWN_NAME_KEY = re.compile(
    r"(?i)(?:domain|server_?name|(?:public|site|external|base|root|app)[_-]?ur[li]|allowed_?hosts|redirect[\w.-]*"
    # the address the product's pages are served at (Postiz's ``MAIN_URL``, ``FRONTEND_URL``; holdout146)
    r"|(?:^|[_.-])(?:main|frontend)_?ur[li]"
    # a bare ``HOST_URL``, the URL of the host the product runs on (Psono's ``HOST_URL: 'http://example.com'``,
    # holdout176), as ``BASE_URL`` alone is; ``ES_HOST_URL`` names the service it calls
    r"|^host_?ur[li]"
    # the server the site is served at (MediaWiki's ``$wgServer`` set as ``MW_SITE_SERVER=https://mywiki.com``,
    # holdout211); ``SITE_SERVER_PASSWORD`` or ``SMTP_SERVER`` name something else
    r"|(?:^|[_.-])site_?server$"
    r"|callback[\w.-]*|origins?|(?:alias|cdn|assets?|static|public|external)_?(?:host|hostname|ur[li])"
    # a virtual host: the name the product serves under (nginx-proxy's ``VIRTUAL_HOST``, an IRC server's ``vhost``
    # shown for Tor users) or a broker's namespace (``virtual_host: /``), never a host it contacts
    r"|v(?:irtual)?_?host"
    # Jenkins' own root URL (``<jenkinsUrl>`` in JenkinsLocationConfiguration.xml, ``<hudsonUrl>`` in the Mailer's)
    r"|(?:jenkins|hudson)_?ur[li]"
    # the canonical address of what the product publishes (``canonical_url``, DSpace's ``handle.canonical.prefix``
    # written into every item's link): its public name, not a host it connects to
    r"|canonical(?:[_.-]?(?:ur[li]|prefix|host(?:name)?|base(?:[_.-]?ur[li])?))?)$"
)
_BARE_URL = frozenset({"url", "uri", "hostname"})
# A bare ``hostname`` in a ``[server]`` section: the name the server calls itself and writes into its links (Nitter's
# ``[Server]`` … ``hostname = "nitter.net"``, holdout136), as ``[site]`` … ``url`` is its site's address.
_OWN_SECTION_SETTINGS = frozenset({"server_hostname"})
# A root or base URL named for an API (``cc.api.rooturl``, ``geo_api_base_url``) is the root of the service the
# product calls, not the product's own address (``ROOT_URL``, ``BASE_URL`` alone).
_API_ROOT = re.compile(r"(?i)(?:^|[_.-])api[_.-]?(?:root|base)[_.-]?ur[li]$")
# A root or base URL named for the other server the product falls back to or copies from (pypicloud's
# ``fallback_base_url = "https://pypi.org"``, an ``upstream_base_url``, a ``mirror_root_url``): a host it requests, in
# program source as in configuration.
_UPSTREAM_ROOT = re.compile(r"(?i)(?:^|[_.-])(?:fallback|upstream|mirror)[_.-]?(?:root|base)[_.-]?ur[li]$")


def _own_address_name(name: str) -> bool:
    """A configuration setting named for the product's own address (``APP_URL``; not ``cc.api.rooturl``)."""
    return bool(_OWN_NAME_KEY.search(name)) and not _API_ROOT.search(name) and not _UPSTREAM_ROOT.search(name)


# In program source, a class's ``BASE_URL``/``API_BASE_URL`` constant is the base of the service the class calls
# (``class LubimyCzytac: BASE_URL = "https://lubimyczytac.pl"``); the product's own URL is a setting, written at a
# module's or a file's top level (a function's local ``base_url`` is neither: read as before).
_CLIENT_BASE = re.compile(r"^(?:    |\t)(?:API_?)?BASE_?UR[LI]\s*=")  # one level in: a class body's constant
# A setting written as an XML element on one line (``<smtpHost>smtp.vendor.io</smtpHost>``): its name and value.
_XML_SETTING = re.compile(r"^\s*<([A-Za-z_][\w.:-]{0,63})(?:\s[^>]*)?>([^<]{1,512})</\1>\s*$")
# The attribute that names such an element's setting when its tag is generic (GtkBuilder's ``<property
# name="website">https://…</property>`` in an About dialog, a properties file's ``<entry key="server.url">``).
_XML_NAME_ATTRIBUTE = re.compile(r"""^\s*<[\w.:-]+\s[^>]*?\b(?:name|key)\s*=\s*["']([\w.:-]{1,64})["']""")
_EMAIL = re.compile(r"^(?:[\w.+-]|%s|\{\w*\})+@[\w-]+(?:\.[\w-]+)+$")  # also a template's (``%s@users.x.net``)
# Settings that hold a page shown to people (docs, help, terms of service, privacy policy, a ``*_LINK``): the
# product links to it, it does not connect to it.
_MENTION_KEY = re.compile(
    r"(?i)documentation|docs?\b|homepage|help|licen[cs]e|about|support|bugs?|description|website|source|changelog"
    # a page of information (``info_url``, ``more_info``); not OpenID Connect's ``userinfo`` endpoint, which the
    # server calls with the user's token (``user_info_url``, ``userinfo_endpoint``)
    r"|(?<!user)(?<!user_)(?<!user-)info"
    # a page name run into the next CamelCase word (``privacyUrl``, ``termsOfService``), not a product's name that
    # begins with the word (privacyIDEA's ``"privacyIDEA News"`` feed)
    r"|(?:^|[_.-])(?:tos|terms|privacy|legal|imprint|impressum|faq)(?:$|[_.-]|(?-i:[A-Z][a-z]|UR[LI]\b))|[_.-]links?$"
    # the same in CamelCase (AWStats' ``LogoLink``: where a click on the report's logo goes); ``Uplink`` is a word
    r"|(?-i:[a-z]Links?)$"
    # an oEmbed provider's home page (``"provider_url": "http://www.youtube.com/"`` in providers.json)
    r"|^provider_?url$"
    # an identifier shaped like a host name (OAI's ``repository_id = ojs.pkp.sfu.ca``): named, never contacted
    r"|[_.-]id$|(?-i:[a-z]Id)$"
    # where a browser is sent or what it loads: an OAuth authorisation page (``authUri``, ``authorize_url``) and
    # an avatar image template (``gravatar-url``, ``DEFAULT_GRAVATAR_URL``); the server contacts neither
    r"|authori[sz](?:e|ation)_?ur[il]|^auth_?uri$|avatar"
    # an image a page shows (Postiz's ``…_OAUTH_LOGO_URL``) and the Open Graph tags a page carries for link previews
    # (MiroTalk's ``OG_URL``, ``OG_IMAGE_URL``; holdout146): a browser or a crawler fetches them, not the product
    r"|(?:^|[_.-])logo(?:$|[_.-])|(?-i:(?:^|[_.-])logo[A-Z]|[a-z]Logo(?:$|[A-Z_]))|(?:^|[_.-])og[_.-]"
    # where a filter or a web server sends a client it refuses or moves (squidGuard's and Apache's ``redirect
    # http://…``, ``Redirect permanent / https://…``, ``redirect_url``): the client's browser follows it
    r"|^redirect(?:_?(?:ur[il]|to|target))?(?:\s|$)"
    # what a browser may load under a Content-Security-Policy (``"connect-src": "'self' https://…"``, CSP_IMG_SRC), a
    # page's title link (Buildbot's ``titleURL``), a web page of a mirror (``mirror_web_url_fmt``), a module's
    # ``__url__``, an XML namespace's name (``ns``, ``_MELD_NS_URL``)
    r"|(?:^|[_.-])(?:connect|default|script|style|img|font|frame|media|worker|child|object|manifest)[_-]src$"
    # a CORS setting (``cors_origins_rw = https://…``, ``CORS_ALLOWED_ORIGINS``): the origins whose pages a browser
    # lets call the product's API; the product contacts none of them
    r"|(?:^|[_.-])cors(?:$|[_.-])"
    r"|title_?ur[li]|web_?ur[li]|^__ur[il]__$|(?:^|[_.-])ns(?:[_.-]?ur[il])?$|namespace"
    # a value that is text or an example: ``example = 'https://example.com/page'``, an XML ``<comment>``; JSON's
    # comment keys, which the reader skips (``"__comment1__": "… go to https://…"``, ``"_comment"``, ``"$comment"``,
    # ``"//"``; holdout188's MeshCentral sample)
    r"|^[_$]*(?:examples?|samples?|placeholder|comments?|notes?)\d*_*$|^//$"
)
# In configuration, a page of details the product's pages link an item to (Prewikka's ``host_details_url``,
# ``port_details_url``); not a user's details endpoint an OAuth client calls (``user_details_url``), and not in
# program source, where a local ``profile_details_url`` is an API a function requests (FlexGet's NPO plugin).
_DETAILS_PAGE_KEY = re.compile(r"(?i)(?<!user)(?<!user_)(?<!user-)(?:^|[_.-])details(?:$|[_.-])")
# Package-manager repository definitions (yum/dnf ``.repo``, zypper): ``baseurl``, ``mirrorlist``, ``metalink``
# and ``gpgkey`` are where the package manager downloads from, not the product's own address (which a web
# app's ``base_url`` is).
_PACKAGE_SOURCE_KEY = re.compile(r"(?i)^(?:baseurl|mirrorlist|metalink|gpgkey)$")
# Also a repository a configuration-management resource declares (Salt ``- gpgcheck: '1'``, Puppet
# ``gpgcheck => 1``).
_REPO_FILE_LINE = re.compile(r"(?i)^\s*(?:-\s*)?(?:repo_)?gpgcheck\s*[=:]|^\s*type\s*=\s*rpm-md\b")
# A key server a repository declaration fetches its signing key from (Salt ``pkgrepo`` ``- keyserver: HOST``).
_KEYSERVER = re.compile(r"(?i)^\s*(?:-\s*)?[\"']?keyserver[\"']?\s*[:=]\s*[\"']?([^\s\"',#;]{1,512})")
# A repository switched off in its own definition: yum/dnf/zypper ``enabled=0`` in an INI section, apt deb822
# ``Enabled: no`` in a stanza. The package manager does not contact it unless told to (``--enablerepo``), so its
# hosts are mentions, as a commented-out repository's are.
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_REPO_OFF = re.compile(r"(?i)^\s*enabled\s*=\s*[\"']?(?:0|no|false|off)[\"']?\s*$")
_DEB822_OFF = re.compile(r"(?i)^enabled:\s*no\s*$")
# Settings that list hosts to trust or to reach without a proxy (pip's ``trusted-host``, ``no_proxy``, Docker's
# ``insecure-registries``): they say how to treat a host when something else connects to it, not to connect.
_HOST_LIST_KEY = re.compile(r"(?i)^(?:trusted[_-]?hosts?|no[_-]?proxy|insecure[_-]?registries)$")
# Settings that list the hosts the product connects to inline (Prometheus ``targets: ['node1.vendor.io:9100']``,
# Kafka ``bootstrap_servers``, any ``…servers`` list such as ``ntp_servers`` or Dendrite's
# ``trusted_third_party_id_servers``, Elasticsearch ``hosts: [...]``); HAProxy ``server NAME ADDRESS`` lines;
# rsyslog forwarding (``*.* @@logs.vendor.io:514``, ``action(type="omfwd" target="logs.vendor.io")``).
_HOST_LIST = re.compile(
    r"(?i)^\s*(?:-\s*)?[\"']?(targets|hosts|brokers|[\w.-]{0,64}servers|seeds|peers|nodes)[\"']?\s*[:=]\s*\[([^\]]*)\]"
)
_HAPROXY_SERVER = re.compile(r"^\s*server\s+\S+\s+([^\s,]+)")
# The same list written unbracketed, one value after another on the line (GNUnet's ``STUN_SERVERS = stun.gnunet.org
# stun.services.mozilla.com:3478 stun.ekiga.net:3478``): every value is a server, not only the first
_MAX_LISTED = 64  # values read from one such line
_SPACED_HOST_LIST = re.compile(
    r"(?i)^\s*(brokers|[\w.-]{0,64}servers|seeds|peers)\s*[:=]\s*([^\s\"'\[\]#;,]+(?:[ \t]+[^\s\"'\[\]#;,]+)+)\s*$"
)
# An NTP daemon's time sources (ntpd's and NTPsec's ``ntp.conf``, OpenNTPD's ``ntpd.conf``, chrony's ``chrony.conf``):
# ``server``/``servers``/``pool``/``peer HOST …`` lines name the upstreams it polls from the moment it starts.
_NTP_CONF = re.compile(r"(?:^|/)(?:ntpd?|chrony)\.conf$")
_NTP_SOURCE = re.compile(r"^\s*(?:server|servers|pool|peer)\s+([^\s#]+)")
# The same lists written as YAML block sequences (``targets:`` then ``- node1.vendor.io:9100`` lines), and an nginx
# ``upstream`` block's ``server ADDRESS …;`` lines.
_HOST_LIST_BLOCK = re.compile(
    r"(?i)^\s*(?:-\s*)?[\"']?(targets|hosts|brokers|[\w.-]{0,64}servers|seeds|peers|nodes|[\w.-]{0,64}resolvers"
    r"|upstreams)[\"']?\s*:\s*$"
)
# A DNS proxy's resolver written ``transport:host[:port]`` (Blocky's ``- tcp-tls:1.1.1.1:853``, ``udp:8.8.8.8``):
# the transport before the host.
_DNS_TRANSPORT = re.compile(r"(?i)^(?:tcp-tls|tcp\+udp|tcp|udp):(?!//)")
_BLOCK_ITEM = re.compile(r"^(\s*)-\s+[\"']?([^\s\"'#]+)[\"']?\s*(?:#.*)?$")
_NGINX_UPSTREAM = re.compile(r"^\s*upstream\s+\S+\s*\{\s*$")
_NGINX_SERVER = re.compile(r"^\s*server\s+([^\s;]+)[^;]*;")
_RSYSLOG_FORWARD = re.compile(r"^\s*[^#\s]\S*\s+@@?(?:\([^)]*\))?(\[[^\]]+\]|[^\s:;]+)")
_RSYSLOG_TARGET = re.compile(r"(?i)\btarget\s*=\s*\"([^\"]+)\"")
# YAML mappings switched off by their own ``enabled: false`` (Dendrite's ``report_stats``, an exporter or an
# OAuth provider's block): their siblings' hosts are not contacted unless someone switches them on.
_YAML_OFF = re.compile(r"(?i)^\s+enabled?\s*:\s*[\"']?(?:no|false|off)[\"']?\s*(?:#.*)?$")
_YAML_SUFFIXES = (".yml", ".yaml", ".yml.example", ".yaml.example", ".yml.sample", ".yaml.sample")
# A ``server_name`` as a list item (``- server_name: matrix.org``) names one of several remote servers
# (Dendrite's ``key_perspectives``, Synapse's ``trusted_key_servers``), not the product's own name, which is a
# single setting.
_ITEM_DASH = re.compile(r"^(\s*)-\s+")
_LISTED_SERVER_NAME = re.compile(r"(?i)^\s*-\s+[\"']?server_?name[\"']?\s*:")
# An XML comment, possibly spanning lines: text, not configuration.
# A comment line of C-family code (``/* … */`` blocks, their `` * `` continuation lines) or of Erlang/Lua/SQL.
_CODE_COMMENT = ("/*", "*", "%", "--")
# A remark line of a Windows batch script or an SQL*Plus script (``REM https://msdn.microsoft.com/…`` in the batch
# file a CFEngine policy writes, whole packages round forty); not ``rem = 4`` or ``rem: 1rem``
_REMARK = re.compile(r"(?i)rem(?:\s+(?![-+*/%]?=)|$)")
# An HTML link or resource in any text (a help page in JavaScript, a template): a browser follows it, not the host.
_LINK_BEFORE = re.compile(r"""\b(?:href|src|action)["']?\s*(?:=>?|:)\s*\\?["']?$""", re.I)
_URL_IN_TEXT = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\s'\"<>`()\[\]{}|;]{1,512}")


@dataclass(frozen=True)
class Endpoint:
    path: str
    line: int
    host: str
    contacted: bool
    # 'network command', 'variable', 'setting', 'mention', 'text' (written for people), 'offered' (configuration
    # the package ships but does not put in effect: shipgate.preflight.optional_config)
    found_as: str
    text: str
    assigned_line: int | None = None
    method: str | None = None  # POST/PUT when the command sends data (a webhook or registration call)
    call_line: int | None = None  # the call whose argument the function's command contacts (``line`` is in its body)
    defined_at: str | None = None  # ``library:line``: the called function is a sourced library's (shell.functions)
    assigned_in: str | None = None  # ``module:line``: the URL is a constant another file defines (package_imports)


@dataclass(frozen=True)
class ProgramHosts:
    """What a whole Python file says of the hosts it contacts, read before the lines the shell reader took are
    left out: the URL literals its requests are built on (``requested_urls.requested_literal_lines``) and the hosts
    it writes as a declared setting's default, a connection's host or a metadata path
    (``python_host_values``)."""

    requested: frozenset[int] | set[int]
    settings: dict[int, tuple[str, str]]


# ``$(release_url)/download/…`` or `` `release_url`/… ``: a word that starts with a function's output.
_CALLED = re.compile(r"^(?:\$\(\s*([A-Za-z_][\w-]*)\s*\)|`\s*([A-Za-z_][\w-]*)\s*`)(.*)$", re.S)


def _through_output(command: Command, echoed: dict[str, str]) -> Iterator[tuple[str, Word]]:
    """Hosts of URLs a function prints and the command uses (``curl "$(release_url)/v1.tgz"``)."""
    for word in command.words:
        m = _CALLED.match(word.shape or "") if word.value is None else None
        text = echoed.get((m.group(1) or m.group(2)) if m else "")
        host = url_host(text + m.group(3)) if m and text else None
        if host:
            yield host, word


_WHOLE_VARIABLE = re.compile(r'^"?\$\{?([A-Za-z_]\w*)\}?"?$')


def _loop_hosts(command: Command, script: Script, known: set[str]) -> Iterator[tuple[str, Word]]:
    """Hosts of every URL a loop hands the command (``for url in "${urls[@]}"; do curl "$url"; done``): each
    element is contacted in turn (until one answers), each with the line it is written on."""
    for word in command.words:
        m = _WHOLE_VARIABLE.match(word.raw)
        loops = [a for a in script.bindings(m.group(1)) if a.generated_by == "for"] if m else []
        for loop in loops[-1:]:
            lines = loop.item_lines if len(loop.item_lines) == len(loop.items) else (loop.line,) * len(loop.items)
            for item, line in zip(loop.items, lines, strict=True):
                host = url_host(item)
                if host and host not in known:
                    known.add(host)
                    yield host, dataclasses.replace(word, value=item, assigned_at=line)


_SHELL_QUOTE = re.compile(r"(?<!\\)[\"']")  # a quote mark of a shell word, not an escaped one


def _branch_hosts(command: Command, script: Script, known: set[str]) -> Iterator[tuple[str, Word]]:
    """Hosts of the other URLs a variable may hold at the command: every literal of the alternatives assigned to it
    above (``shell.reaching.alternatives``: ``if [ -z "$beta" ]; then link="https://downloads.vendor.io/…"; else
    link="https://beta.vendor.io/…"; fi; curl -O $link``, or one per ``case`` item, also at the top level for a
    command in a function, or a global one another function sets): the script reads one of them, which one is
    decided at run time. A value known only up to its path (``"https://download.vendor.io/$(uname -m)/x.tgz"``)
    names its host."""
    for word in command.words:
        name = _leading_variable(word)
        if name is None:
            continue
        above = alternatives(script, name, command) + _set_elsewhere(script, name, command)
        above.sort(key=lambda a: a.line)
        if not above or _written(above[-1]) is None:
            continue  # the last value is a command's output (``X=$(cat /etc/mirror)``): the literals before it are gone
        for assignment in above[-8:]:
            written = _written(assignment)
            values = [(written, assignment.line)] if written is not None else []
            for value, line in values + leading_alternatives(script, assignment):
                # the word's own quotes are shell syntax, not part of the URL (``https://"${domain}"/x``)
                unquoted = _SHELL_QUOTE.sub("", word.raw)
                text = re.sub(r"\$\{?" + re.escape(name) + r"\}?", value.replace("\\", "\\\\"), unquoted)
                host = url_host(text)
                if host and host not in known:
                    known.add(host)
                    yield host, dataclasses.replace(word, value=text, assigned_at=line)


def _leading_variable(word: Word) -> str | None:
    """The variable whose alternatives name the word's host: its only expansion, or the one it starts with when
    later ones fill in the path (``"$SOURCE_URL/$file"`` in a loop over file names; see docs/preflight.md)."""
    if len(word.expands) == 1:
        return word.expands[0]
    if not word.expands:
        return None
    first = word.expands[0]
    unquoted = _SHELL_QUOTE.sub("", word.raw)
    return first if re.match(r"\$\{?" + re.escape(first) + r"\}?(?:/|$)", unquoted) else None


def _written(assignment: Assignment) -> str | None:
    """The value as far as the file writes it: the whole literal, or its known beginning when a run-time part
    follows (``link="https://downloads.vendor.io/$VERSION/app.zip"`` gives the host); None for a command's output."""
    if assignment.value is not None and assignment.generated_by is None:
        return assignment.value
    prefix = assignment.prefix or ""  # ``"https://host/$(uname -m)/x"``: a command's output after the host
    return prefix if assignment.value is None and _WHOLE_HOST.match(prefix) else None  # not ``s3.${region}.…``


# A URL's beginning that holds the whole host: the path (or the port) starts before the first run-time part.
_WHOLE_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/:?#]+[/:]")


# How a function's assignment is kept to the function itself (``local link=…``): else it sets the global variable.
_LOCAL_DECLARATION = re.compile(r"^\s*(?:local|declare|typeset)\b")


def _set_elsewhere(script: Script, name: str, command: Command) -> list[Assignment]:
    """Global assignments of ``name`` above ``command`` written in another function (``setup() { link="https://…";
    }`` before ``download() { curl "$link"; }``), which the shell keeps once that function ran; a ``local`` one is
    the function's own. :func:`alternatives` gives those of the command's own function and the top level. Bounded
    as alternatives are: the latest ``_ELSEWHERE`` in source order (the caller keeps the last eight by line)."""
    found = (
        a
        for a in reversed(script.bindings(name))
        if a.line < command.line and a.function not in (None, command.function) and not _LOCAL_DECLARATION.match(a.raw)
    )
    return list(itertools.islice(found, _ELSEWHERE))[::-1]


_ELSEWHERE = 64


def _through_body(call: Command, bound: Sequence[Command]) -> list[tuple[Command, str, Word]]:
    """The function's network commands that contact a host the call passes (``download_upgrades "$URL"`` runs
    ``curl "${2}.md5"`` and ``curl "$2"``): (the bound command, host, word), once per command and host. A URL the
    body fetches with another tool too (``if hash curl; then curl "$1"; else wget -O- "$1"; fi``: whichever is
    installed) is one fetch: only the first tool's command is kept."""
    if not bound:
        return []  # most commands: no function body bound to them (the call's URLs need not be read)
    hosts = {h for h, _ in urls(call)}
    tools: dict[str, str] = {}  # the URL as bound -> the first tool fetching it
    out: list[tuple[Command, str, Word]] = []
    for command in bound:
        for host, word in contacted_hosts(command):
            if word.assigned_at is None or host not in hosts:
                continue
            if tools.setdefault(word.text, command.name or "") == (command.name or ""):
                out.append((command, host, word))
    return out


def _script_endpoints(path: str, script: Script) -> Iterator[Endpoint]:
    wrappers = network_functions(script)
    echoed = echoed_values(script)
    # a call through a function that runs its arguments (``ensure downloader "$url"``) is the command it runs
    commands = read_through_runners(script)
    calls = [c for c in commands if c.name in wrappers]
    bodies = bound_calls(script, is_network, calls) if calls else {}
    libraries = library_functions(script) if calls and script.libraries else {}
    captured = [c for c in commands if "captured" in c.conditions and is_network(c)]
    for command in commands:
        network = is_network(command) or command.name in wrappers
        found = [*(contacted_hosts(command) if network else urls(command))]
        if network and captured:
            found = [(h, w) for h, w in found if not _contacted_inside(command, h, w, captured)]
        if network and echoed:
            found += _through_output(command, echoed)
        if network:
            found += _loop_hosts(command, script, {h for h, _ in found})
            found += _branch_hosts(command, script, {h for h, _ in found})
        method = _method(command) if network else None
        library = libraries.get(command.name or "") if command.name in wrappers else None
        defined_at = f"{library[0]}:{library[1]}" if library is not None else None
        through = _through_body(command, bodies.get(id(command), ())) if library is None else []
        if len({c.line for c, _, _ in through}) > 1:
            # the function contacts the host in several commands (a file and its checksum, two branches): each is
            # a contact of its own, at its line, naming the call; a single one is the call itself, read as before
            found = [(h, w) for h, w in found if h not in {h for _, h, _ in through}]
            for inner, host, word in through:
                assigned = word.assigned_at if word.assigned_at != command.line else None
                kind = "variable" if assigned else "network command"
                yield Endpoint(path, inner.line, host, True, kind, inner.text, assigned, _method(inner), command.line)
        for host, word in found:
            # the host written in the word itself (``"https://host/$VERSION"``) did not come through a variable
            assigned = word.assigned_at if word.assigned_at != command.line and host not in word.raw else None
            yield Endpoint(
                path,
                command.line,
                host,
                network,
                ("variable" if assigned else "network command") if network else "mention",
                command.text,
                assigned,
                method,
                defined_at=defined_at if network else None,
            )
        if not network:
            yield from _option_endpoints(path, command, script)
    for line, host, text in written_name_servers(script):
        yield Endpoint(path, line, host, True, "setting", text)  # the resolver sends every lookup there
    for line, host, text in installer_settings(script, public_bare_host):
        yield Endpoint(path, line, host, True, "setting", text)  # the package's scripts configure the product with it


def _not_contacted_name(name: str) -> bool:
    """A setting's name for the product's own address or a page for people (``site-url``, ``docs-url``)."""
    return bool(_OWN_NAME_KEY.search(name) or _MENTION_KEY.search(name) or _DETAILS_PAGE_KEY.search(name))


def _option_endpoints(path: str, command: Command, script: Script) -> Iterator[Endpoint]:
    """The public hosts a command's address options name (``--api-url "$API_URL"``, ``-e SSM_URL=…``:
    shipgate.preflight.option_hosts), at the option's value's line; a variable's value is each literal it may hold."""
    words = tuple(address_options(command, _not_contacted_name))
    if not words:
        return
    known: set[str] = set()
    found = [(h, w) for w in words if w.value is not None and (h := public_bare_host(w.value) or url_host(w.value))]
    known |= {h for h, _ in found}
    found += _branch_hosts(dataclasses.replace(command, words=words), script, known)
    for host, word in found:
        assigned = word.assigned_at if word.assigned_at not in (None, word.line) else None
        yield Endpoint(path, word.line, host, True, "setting", command.text, assigned)


def _contacted_inside(command: Command, host: str, word: Word, captured: Sequence[Command]) -> bool:
    """The URL stands in a network command of the word's own command substitution (``curl -o F $(curl -sL
    https://host/manifest | jq -r .url)``): that inner command contacts the host, at its own line; the outer one
    fetches what the inner prints, a URL the script does not name (holdout264's Minecraft role). A word whose known
    beginning names the host (``"https://host/$(uname -m)"``) is the outer command's own contact."""
    if not word.generated or word.value is not None or url_text(word) != word.raw:
        return False
    return any(
        inner is not command and any(h == host and w.raw in word.raw for h, w in contacted_hosts(inner))
        for inner in captured
    )


def _method(command: Command) -> str | None:
    """POST/PUT… when the command sends data: a webhook or a registration call."""
    explicit = [w.text.upper() for w in option_values(command, "-X", "--request")]
    if explicit:
        return explicit[0]
    if has_flag(command, "-d", "--data", "--data-raw", "--data-binary", "-F", "--form", "--json", "--post-data"):
        return "POST"
    return None


def _switched_off_lines(path: str, repo_file: bool, lines: tuple[tuple[int, str], ...]) -> set[int]:
    """The lines of the parts of a file that switch themselves off: repository sections (``.repo`` INI) and
    stanzas (deb822 ``.sources``), INI/TOML sections with ``enabled = false``, YAML mappings with ``enabled:
    false`` (:func:`_switched_off_mappings`)."""
    lower = path.lower()
    if lower.endswith(_YAML_SUFFIXES) and not repo_file:
        return _switched_off_mappings(lines)
    groups: list[list[tuple[int, str]]] = [[]]
    deb822 = not repo_file and lower.endswith((".sources", ".sources.in"))
    for number, text in lines:
        if (not text.strip()) if deb822 else bool(_SECTION.match(text)):
            groups.append([])
        groups[-1].append((number, text))
    if not repo_file and not deb822:
        groups = groups[1:]  # the lines before the first [section]: the whole file's settings, not a section's
    off = _DEB822_OFF if deb822 else _REPO_OFF
    return {n for group in groups if any(off.match(t.strip()) for _, t in group) for n, _ in group}


def _yaml_column(text: str) -> int:
    """The column of a YAML line's key (``- `` of a list item counts as indentation)."""
    return len(text) - len(text.lstrip(" -"))


def _item_at(text: str, column: int) -> bool:
    return text.lstrip(" ").startswith("- ") and _yaml_column(text) == column


def _switched_off_mappings(lines: tuple[tuple[int, str], ...]) -> set[int]:
    """Lines of YAML mappings (not the top level) whose own ``enabled: false`` switches them off: the line's
    siblings and their children, up to the parent key and not into the next item of a list."""
    content = [(n, t) for n, t in lines if t.strip() and not t.lstrip().startswith("#")]
    off: set[int] = set()
    for i, (number, text) in enumerate(content):
        if number in off or not _YAML_OFF.match(text):
            continue
        column = _yaml_column(text)
        start = i
        while start > 0 and not _item_at(content[start][1], column) and _yaml_column(content[start - 1][1]) >= column:
            start -= 1
        end = i
        while end + 1 < len(content) and _yaml_column(content[end + 1][1]) >= column:
            if _item_at(content[end + 1][1], column):
                break
            end += 1
        off.update(n for n, _ in content[start : end + 1])
    return off


def _trailing_comment_at(line: str) -> int:
    """Where a trailing comment starts on a config line (YAML, INI, TOML, ``.env``: a ``#`` after a blank, outside
    quotes); the line's length if there is none. Not for systemd units, where ``#`` inside a line is text."""
    return _comment_start(line, "#", "\"'", " \t")


def _comment_start(line: str, marker: str, quotes: str, after: str) -> int:
    """Where a comment opened by ``marker`` starts on ``line``: outside the ``quotes``, right after one of the
    characters ``after``; the line's length if there is none."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in quotes:
            quote = ch
        elif line.startswith(marker, i) and i > 0 and line[i - 1] in after:
            return i
    return len(line)


# Languages whose comments open with ``//`` (PHP, JavaScript, Go, Java, C…), by a part of the file's name
# (``config.dist.php``, ``config.php.dist``, ``settings.js``).
_SLASH_COMMENT_LANGUAGE = re.compile(
    r"(?i)\.(?:php|js|mjs|cjs|ts|go|java|kt|cs|c|cc|cpp|h|rs|swift|scala|groovy|dart)(?:\.|$)"
)


def _slash_comment_at(path: str, line: str) -> int:
    """Where a trailing ``//`` comment starts on a line of program source in a language that has them (outside
    quotes, after a blank or a ``;``: ``$tz = 'UTC'; // see http://php.net/…``; not the ``//`` of ``http://``);
    the line's length if there is none."""
    if not _SLASH_COMMENT_LANGUAGE.search(posixpath.basename(path)):
        return len(line)
    return _comment_start(line, "//", "\"'`", " \t;")


def _served(key: str, value: str) -> bool:
    """Whether a listed value is a server to connect to. ``hosts`` also lists the names a Kubernetes Ingress serves
    (its own public names): only a value with a port or a scheme is a server (Filebeat's ``hosts: ["es:9200"]``)."""
    return key.lower() != "hosts" or ":" in value


def _block_listed_hosts(lines: tuple[tuple[int, str], ...]) -> dict[int, str]:
    """Line -> value of each item of a YAML block host list and of each ``server`` of an nginx ``upstream``."""
    found: dict[int, str] = {}
    list_indent: int | None = None  # the column of the key whose block list is being read
    list_key = ""
    upstream = False
    for number, text in lines:
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        item = _BLOCK_ITEM.match(text)
        if list_indent is not None and item and len(item.group(1)) >= list_indent:
            if _served(list_key, item.group(2)):
                found[number] = _DNS_TRANSPORT.sub("", item.group(2))
            continue
        list_indent = None
        if m := _HOST_LIST_BLOCK.match(text):
            list_indent = len(text) - len(text.lstrip(" -"))  # the key's column: its items are not left of it
            list_key = m.group(1)
        elif _NGINX_UPSTREAM.match(text):
            upstream = True
        elif upstream and stripped.startswith("}"):
            upstream = False
        elif upstream and (m := _NGINX_SERVER.match(text)):
            found[number] = m.group(1)
    return found


def _listed_hosts(path: str, line: str, code: bool) -> list[str]:
    """The values of an inline host list (bracketed, or in configuration one after another), an HAProxy ``server``
    line, an NTP daemon's time source or an rsyslog forwarding rule."""
    lower = path.lower()
    if m := _HOST_LIST.match(line):
        return [v for v in (v.strip().strip("\"'") for v in m.group(2).split(",")) if _served(m.group(1), v)]
    if not code and (m := _SPACED_HOST_LIST.match(line)):
        return m.group(2).split()[:_MAX_LISTED]
    if "haproxy" in lower and (m := _HAPROXY_SERVER.match(line)):
        return [m.group(1)]
    if _NTP_CONF.search(lower) and (m := _NTP_SOURCE.match(line)):
        return [m.group(1)]
    if "rsyslog" in lower:
        return [m.group(1) for m in (_RSYSLOG_FORWARD.match(line), _RSYSLOG_TARGET.search(line)) if m]
    return []


# A Spring property placeholder whose fallback is the value while the variable is unset: ``${MAIL_HOST:smtp.163.com}``.
_SPRING_FALLBACK = re.compile(r"^\$\{[A-Za-z_][\w.-]{0,127}:(?!-)([^${}]{1,255})\}$")


def _xml_setting(line: str) -> tuple[str, str] | None:
    """(name, value) of a setting written as one XML element on its line: the element's name, or the ``name``/``key``
    attribute that names it."""
    element = _XML_SETTING.match(line)
    if element is None:
        return None
    named = _XML_NAME_ATTRIBUTE.match(line)
    return (named.group(1) if named else element.group(1)), element.group(2)


def _fallback_value(value: str, path: str) -> str:
    """A setting's value, or in a ``.properties`` file the fallback of a Spring placeholder that is the whole value
    (``spring.mail.host=${MAIL_HOST:smtp.163.com}``: the relay used whenever ``MAIL_HOST`` is unset). Not in YAML,
    where a service's module blocks hold such fallbacks for back ends a selector leaves off (SkyWalking's
    ``consul:`` ``hostAndPorts: ${SW_CONFIG_CONSUL_HOST_AND_PORTS:1.2.3.4:8500}`` under ``selector: none``)."""
    fallback = _SPRING_FALLBACK.match(value) if path.lower().endswith(".properties") else None
    return fallback.group(1) if fallback else value


def public_bare_host(value: str) -> str | None:
    """The host a setting's value names (``bare_host``); None for a dotted name written without a scheme whose last
    label is no delegated top-level domain (``url_name="cfp.types"``, ``report_entry=notice.entry``): a name, not a
    host. A URL's host is a host whatever its suffix (``https://wazuh.manager``)."""
    host = bare_host(value)
    if host is None or "://" in value or has_public_suffix(host):
        return host
    return None


@dataclass(frozen=True)
class _FileFacts:
    """What the whole of a configuration-like file says that decides how each of its lines is read: whether it is
    program source or written for people (``document``), its lines that contact nothing (``disabled``) or sit in a
    comment, and the settings and hosts read from the file as a whole. Read once per file by ``_file_facts``."""

    path: str
    kind: Kind
    code: bool
    document: bool
    repo_file: bool
    for_people: Set[int]
    commented: set[int]
    disabled: set[int]
    identifiers: dict[int, list[tuple[int, int]]]
    block_listed: dict[int, str]
    requested: set[int] | frozenset[int]
    php_values: dict[int, tuple[str, str]]
    section_of: dict[int, str]


def _is_document(path: str, lines: tuple[tuple[int, str], ...], code: bool, payload: bool, built: bool) -> bool:
    """Whether the whole file is written for people or for a browser: its hosts are mentions, not contacts."""
    # ``built``: the package ships its dependencies installed, so its composer.json describes a build already done
    described = names_no_setting(path, lines) and (built or not path.endswith("composer.json"))
    document = is_documentation(path) or is_localization(path) or (code and payload) or described
    document = document or is_browser_script(path) or is_vendored_web_asset(path)  # served to browsers as published
    document = document or is_page_template(path, lines)  # a Jinja page: its links are the reader's browser's
    document = document or is_served_feed(path, lines)  # an Atom/OPDS feed, OpenSearch description: its readers'
    return document or is_mail_message(path, lines) or in_mail_templates(path)  # a mail's links: the recipient's


def _not_contacted_lines(
    path: str, lines: tuple[tuple[int, str], ...], code: bool, repo_file: bool, examples: Set[int]
) -> set[int]:
    """The lines whose hosts the product does not contact: switched off, examples, descriptions, links for pages,
    other products' settings. Their hosts are reported as mentions (docs/preflight.md)."""
    disabled = _switched_off_lines(path, repo_file, lines) | helm.not_contacted_lines(path, lines)
    disabled |= module_text_lines(path, lines)  # a Jetty module's description and licence links
    disabled |= declaration_text_lines(path, lines)  # a settings declaration's descriptions and examples
    disabled |= module_metadata_lines(path, lines)  # ``__plugin_url__ = "https://docs…"``
    disabled |= stylesheet_comment_lines(path, lines)  # ``code{…}/*! … Based on: https://…``, LESS ``// See https://…``
    disabled |= example_block_lines(path, lines)  # an OpenAPI ``example:`` block's sample values
    disabled |= examples  # an XML element a comment calls an example
    disabled |= unsent_mail_lines(path, lines)  # ``EMAIL_HOST`` beside ``EMAIL_BACKEND=console``
    disabled |= own_name_prefix_lines(path, lines)  # ``ANONADDY_HOSTNAME`` beside ``APP_NAME=AnonAddy``
    disabled |= prefix_switched_off_lines(lines)  # ``RAVEN_DSN`` beside ``RAVEN_ENABLED=false``
    if not code:
        disabled |= unconfigured_provider_lines(lines)  # ``MASTODON_URL`` beside an empty ``MASTODON_CLIENT_ID``
        disabled |= scope_setting_lines(lines)  # ``oidc_scopes=`` and its ``    https://…/create-waiver`` lines
    if not code and not repo_file:  # a ``.repo``'s ``baseurl`` is where dnf downloads from, not the product's own
        disabled |= own_host_lines(lines, _own_address_name)  # ``api = "http://x.io/api"`` beside its ``app``
    disabled |= switched_off_group_lines(path, lines)  # ``a.wsfederation.url`` under ``a.wsfederation=false``
    if path.lower().endswith(_YAML_SUFFIXES):
        disabled |= unused_store_lines(lines)  # ``oss:``/``minio:`` blocks beside ``uploadType: local``
    if path.lower().endswith(".xml"):  # ``<ldap>`` beside ``<module>sqlite</module>``
        disabled |= unchosen_backend_lines("\n".join(text for _, text in lines))
    disabled |= example_login_lines(path, lines)  # ``smtp.example.com`` beside ``user``/``password``
    disabled |= link_section_lines(path, lines)  # ``[distro_mapping_links]``: templates of links a page shows
    disabled |= metadata_lines(path, lines)  # an installer's ``AppSupportURL=``, NSIS ``!define URL`` for its links
    # a ``description:`` value's next, more indented lines
    disabled |= prose_continuation_lines(path, lines, lambda key: bool(_MENTION_KEY.search(key)))
    disabled |= toml_text_lines(path, lines)  # a TOML ``text = """`` page's sentences with links in them
    disabled |= bundled_library_lines(path, lines)  # a served bundle's ``// node_modules/…`` modules
    if code:
        disabled |= scope_list_lines(path, lines)  # ``SCOPES = ['https://www.googleapis.com/auth/…', …]``
        disabled |= browser_link_lines(path, lines)  # ``{url: "https://faq…"}`` for ``href="%(url)s"``
        disabled |= namespace_map_lines(path, lines)  # ``ns = {'pkg': 'http://www.idpf.org/2007/opf'}``
        disabled |= type_list_lines(path, lines)  # ``types = ['http://specs.openid.net/auth/2.0/server', …]``
        disabled |= source_link_lines(path, lines)  # ``DOCS_URL = …``, ``web=…``, repository URL spellings
        disabled |= repeated_element_lines(lines)  # ``'https://h/a.txt',`` ``'https://h/b.txt',``: one list, one host
    disabled |= build_part_lines(path, lines)  # a snapcraft recipe's ``parts:``: fetched on the build host
    if is_package_recipe(path, "\n".join(text for _, text in lines[:200])):
        disabled = {number for number, _ in lines}  # a build recipe's URLs are the package manager's own fetches
    return disabled


def _file_facts(
    path: str,
    kind: Kind,
    lines: tuple[tuple[int, str], ...],
    *,
    payload: bool,
    for_people: Set[int],
    built: bool,
    program: ProgramHosts | None,
) -> tuple[_FileFacts, tuple[tuple[int, str], ...]]:
    """The file's facts (``_FileFacts``) and its lines with XML and Helm comments blanked, the lines to read."""
    examples = example_element_lines(path, lines)  # ``<!-- EXAMPLE: … -->`` then ``<Address>1.2.3.4</Address>``
    lines = helm.without_comments(path, without_xml_comments(lines))
    commented = block_comment_lines(lines) | template_comment_lines(lines)  # ``/* … */``, ``{# … #}``, ``%#``
    if any("-----BEGIN " in text for _, text in lines):  # a published key's or certificate's ``Comment: https://…``
        commented |= public_armor_lines(lines)
    code = is_program_source(path, "\n".join(text for _, text in lines[:3]))
    repo_file = path.lower().endswith(".repo") or any(_REPO_FILE_LINE.match(text) for _, text in lines)
    requested = requested_local_lines(path, lines) if code else set()
    php_values = php_string_settings(path, lines)  # ``$database_host = 'db.vendor.it';``, ``define('X_HOST', …);``
    if code and program is not None:
        requested |= program.requested  # ``NOMINATIM_BASE_URL`` a function's ``getUrlContent(url)`` is built on
        php_values |= program.settings  # ``add_argument('--server', default='dict.org')``, a socket's host
    facts = _FileFacts(
        path=path,
        kind=kind,
        code=code,
        document=_is_document(path, lines, code, payload, built),
        repo_file=repo_file,
        for_people=for_people,
        commented=commented,
        disabled=_not_contacted_lines(path, lines, code, repo_file, examples),
        identifiers=identifier_lines(lines),
        block_listed=_block_listed_hosts(lines),
        requested=requested,
        php_values=php_values,
        section_of={} if code else section_of_lines(lines),
    )
    return facts, lines


def _text_endpoints(
    path: str,
    kind: Kind,
    lines: tuple[tuple[int, str], ...],
    *,
    payload: bool = False,
    for_people: Set[int] = frozenset(),
    built: bool = True,
    program: ProgramHosts | None = None,
) -> Iterator[Endpoint]:
    """Hosts in a configuration-like file. ``payload``: a system package's file (its program source runs when
    someone runs it later); ``for_people``: lines written for a reader (docstrings, POD). Their hosts are mentions.
    ``program``: what the whole Python file says of its hosts (``lines`` may lack the lines read as shell)."""
    facts, lines = _file_facts(path, kind, lines, payload=payload, for_people=for_people, built=built, program=program)
    for number, line in lines:
        yield from _line_endpoints(facts, number, line)


def _not_read(f: _FileFacts, number: int, stripped: str) -> bool:
    """Whether a line is a comment (a line comment of any of the file's languages, a block comment's line, a Vim
    script's ``"`` line, a batch script's ``REM``): its hosts are not read at all."""
    if not stripped or stripped.startswith(("#", ";", "//", "%%")) or (f.code and stripped.startswith(_CODE_COMMENT)):
        return True
    if not f.code and _REMARK.match(stripped):
        return True  # a batch script's or SQL*Plus ``REM https://…`` line, also held in a policy's string
    return number in f.commented or (stripped.startswith('"') and f.path.endswith(".vim"))  # a Vim comment line


def _read_as_link(line: str, u: re.Match[str]) -> bool:
    """Whether a setting's first URL, in program source, is a pattern, a keyword, or a page for people: the
    setting is then read as text, not as the host the program contacts."""
    return (
        regex_url(line, u)
        or vcs_keyword(line, u)
        or page_anchor(u.group(0))
        or authorization_page(u.group(0))
        or licence_page(u.group(0))
        or in_sentence(line, u.start())
        or oauth_scope(line, u.start())
        or compared(line, u.start(), u.end())
        or documentation_page(u.group(0))
        or browser_asset(u.group(0))
        or markdown_link(line, u.start())
        or repository_page(u.group(0))
    )


def _setting_key(
    f: _FileFacts,
    line: str,
    key: re.Match[str] | None,
    php_value: tuple[str, str] | None,
    found: list[re.Match[str]],
) -> re.Match[str] | None:
    """The line's host setting (``key = value``, or a keyserver line), None when the line is read only as text:
    in code an unquoted value, a namespace's name, a URL read as a link; anywhere a schema's name."""
    if key is None and (keyserver := _KEYSERVER.match(line)) is not None:
        key = keyserver
    if key is not None and f.code and not php_value and line[key.start(2) - 1 : key.start(2)] not in ("'", '"', "`"):
        key = None  # in code an unquoted value is an expression (``vhosts_shown = vhosts.length > 1``)
    if key is not None and f.code and names_vocabulary(key.group(key.lastindex or 1)):
        key = None  # ``_XHTML_NS_URL = 'http://www.w3.org/1999/xhtml'``: a namespace's name, read below as text
    u = found[0] if key is not None and f.code and found else None
    if u is not None and _read_as_link(line, u):
        key = None  # ``r'https://github.com/([^/]*)'``, ``"$URL: https://svn…/x.py $"``: read below as text
    if key is not None and found and schema_name(line, found[0].start()):
        key = None  # ``schema_uri: https://schema.vendor.io/events/v1``: a schema's name, read below as text
    return key


def _listed_values(f: _FileFacts, number: int, line: str) -> list[str]:
    """The hosts a line lists (``no_proxy``, a server list, a block list's item, a .NET connection string)."""
    listed = _listed_hosts(f.path, line, f.code) + ([f.block_listed[number]] if number in f.block_listed else [])
    if not f.code:  # ``"ConnectionString": "Data Source=db.vendor.com;…"``: the server a .NET driver connects to
        listed += [c.server for c in line_connection_strings(line) if c.server]
    return listed


def _own_address(f: _FileFacts, number: int, line: str, name: str, listed_server: bool) -> bool:
    """Whether the setting ``name`` is the product's own address (``site_url``, ``server_hostname``): a name
    people reach it by, not a host it contacts."""
    # a bare ``url`` in an INI section named for the product's own address (``[site]`` … ``url = https://…``,
    # pretalx's and byro's ``*.example.cfg``) is that section's ``site_url``
    # (the whole joined name: ``[database]`` … ``url`` is no ``…base_url``)
    in_section = f"{f.section_of[number]}_{name}" if number in f.section_of and name.lower() in _BARE_URL else ""
    own = bool(_OWN_NAME_KEY.search(name) or _OWN_NAME_KEY.fullmatch(in_section)) and not listed_server
    own = own or in_section.lower() in _OWN_SECTION_SETTINGS
    # ``cc.api.rooturl`` in configuration: the root of an API the product calls (in program source a module's
    # ``API_BASE_URL`` is read by the two rules below: a class's constant, a URL a request is given)
    own = own and (f.code or not _API_ROOT.search(name)) and not _UPSTREAM_ROOT.search(name)
    own = own and not (f.code and _CLIENT_BASE.match(line))  # a class's ``BASE_URL``: the service it calls
    return own and number not in f.requested  # a function's ``base_uri`` it hands to ``requests.get``


def _is_mention(
    f: _FileFacts, number: int, line: str, name: str, *, key: re.Match[str] | None, listed_server: bool
) -> bool:
    """Whether the line's hosts are mentions: its setting names a page, a list or the product's own address, or the
    line is switched off, written for people, or a pattern."""
    mention = bool(_MENTION_KEY.search(name) or _own_address(f, number, line, name, listed_server))
    mention = mention or bool(_HOST_LIST_KEY.match(name))
    mention = mention or (not f.code and bool(_DETAILS_PAGE_KEY.search(name)))
    # ``AuthUrl = "https://sso.vendor.ca/…/openid-connect/auth"``: the login page a browser is sent to
    mention = mention or (key is not None and authorization_page(key.group(key.lastindex or 1)))
    # ``"MapsUrl": "https://…?hl={0}&amp;q={1}"`` in JSON: written for a page's HTML, a browser's link
    mention = mention or (key is not None and html_escaped_link(f.path, key.group(key.lastindex or 1)))
    if f.repo_file and _PACKAGE_SOURCE_KEY.match(name):
        mention = False
    if number in f.disabled or f.document or number in f.for_people or line.lstrip().startswith("^"):
        mention = True  # … or a line that is a pattern (a logcheck or fail2ban regex): it matches, not connects
    return mention


def _line_endpoints(f: _FileFacts, number: int, line: str) -> Iterator[Endpoint]:
    """The hosts one line names, in order: its setting's host, then its URLs', then the hosts it lists; each once."""
    stripped = line.lstrip()
    if _not_read(f, number, stripped):
        return
    seen: set[str] = set()
    listed_server = bool(_LISTED_SERVER_NAME.match(line))
    element = _xml_setting(line)
    written_as = f"{element[0]}={element[1].strip()}" if element else line
    php_value = f.php_values.get(number)
    written_as = f"{php_value[0]}={php_value[1]}" if php_value else written_as
    key = _HOST_KEY.match(_ITEM_DASH.sub(r"\1", written_as, count=1) if listed_server else written_as)
    if key is not None and _EMAIL.match(key.group(2)):
        return  # an e-mail address (MAIL_FROM_ADDRESS=hello@…): a mailbox, not a host
    found = list(_URL_IN_TEXT.finditer(line))
    key = _setting_key(f, line, key, php_value, found)
    listed = _listed_values(f, number, line)
    if key is None and not found and not listed:
        return  # no host on the line: whether it is a mention does not matter
    name = element[0] if element else line.split("=", 1)[0].split(":", 1)[0].strip().strip("\"'- ")
    name = php_value[0] if php_value else name
    mention = _is_mention(f, number, line, name, key=key, listed_server=listed_server)
    if key is not None and not mention:
        host = public_bare_host(_fallback_value(key.group(key.lastindex or 1), f.path))
        if host:
            seen.add(host)
            yield Endpoint(f.path, number, host, True, "setting", line)
    yield from _url_endpoints(f, number, line, found, mention=mention, seen=seen)
    for value in listed:
        host = public_bare_host(value)
        if host and host not in seen:
            seen.add(host)
            yield Endpoint(f.path, number, host, f.kind in (Kind.CONFIG, Kind.SYSTEMD) and not mention, "setting", line)


def _linked(f: _FileFacts, line: str, m: re.Match[str]) -> bool:
    """Whether a URL on a line is a link or a name, not a host contacted: a page's link a browser follows, a
    pattern, a message's or a sentence's link, a namespace, a browser's permission."""
    code, kind = f.code, f.kind
    # a page's link, followed by a browser; in code, a URL a call prints, or an XML name ``{ns}tag``
    linked = bool(_LINK_BEFORE.search(line, 0, m.start())) or (code and shown_or_named(line, m))
    linked = linked or (code and (regex_url(line, m) or vcs_keyword(line, m)))  # a pattern, a keyword
    linked = linked or user_agent_link(line, m)  # ``(compatible; Googlebot/2.1; +http://…)``
    linked = linked or (code and page_anchor(m.group(0)))  # ``…/install.html#setup``: a browser's link
    linked = linked or built_page_anchor(line, m)  # ``…/RT_Config.html#$option->{Help}``, in any file
    linked = linked or authorization_page(m.group(0))  # an OAuth consent page: the browser goes there
    linked = linked or html_escaped_link(f.path, m.group(0))  # ``…?a=1&amp;b=2`` outside markup: a link
    linked = linked or "*" in m.group(0)  # a glob (``https://youtube.com/shorts/*``): matched against
    linked = linked or (code and licence_page(m.group(0)))  # ``…/licenses/by/4.0/``: shown to people
    linked = linked or (code and (in_sentence(line, m.start()) or oauth_scope(line, m.start())))
    # a unit's ``Environment=TEXT="Greylisted, see https://…/help"``: a message for people, not a setting;
    # so is a configuration value that is such a sentence (``"changeme": "See https://nodejs.org/…"``,
    # holdout200's CodiMD template): a pointer to documentation, not a host the product contacts
    linked = linked or (kind in (Kind.SYSTEMD, Kind.CONFIG) and in_sentence(line, m.start()))
    linked = linked or (code and compared(line, m.start(), m.end()))  # ``== 'https://github.com'``
    linked = linked or (code and (documentation_page(m.group(0)) or browser_asset(m.group(0))))
    linked = linked or (code and relation_type(line, m))  # ``f'…/3/rel/{resource_name}'``: a name
    # ``f"[@{name}](https://t.me/{name})"``, ``…/commit/{sha}``: a message's link, a code host's page
    linked = linked or (code and (markdown_link(line, m.start()) or repository_page(m.group(0))))
    linked = linked or schema_name(line, m.start())  # ``"$id": https://…``, ``schema_id='https://…'``
    linked = linked or names_vocabulary(m.group(0))  # a DTD, a namespace, a purl.org identifier
    return linked or csp_source(line, m.start())  # ``connect-src 'self' wss://…``: a browser's permission


def _url_endpoints(
    f: _FileFacts, number: int, line: str, found: list[re.Match[str]], *, mention: bool, seen: set[str]
) -> Iterator[Endpoint]:
    """The hosts of a line's URLs not already ``seen``: a setting when a configuration or unit line writes it before
    any trailing comment and as no link or name; text when the file or line is written for people."""
    comment = _trailing_comment_at(line) if f.kind is Kind.CONFIG and "#" in line else len(line)
    if f.code and "//" in line:
        comment = min(comment, _slash_comment_at(f.path, line))  # a URL in ``… // see http://…``: a comment's
    for m in found:
        host = url_host(m.group(0))
        if host and host not in seen:
            seen.add(host)
            named = _linked(f, line, m) or in_spans(m.start(), f.identifiers.get(number, ()))  # an xmlns, a DOCTYPE
            setting = f.kind in (Kind.CONFIG, Kind.SYSTEMD) and not mention and m.start() < comment and not named
            written = "text" if f.document or number in f.for_people else "setting"
            yield Endpoint(f.path, number, host, setting, written, line)


_MAX_CONTINUED = 20


def _continued(lines: Sequence[Line], starts: Set[int]) -> set[int]:
    """The lines that continue a statement starting on one of ``starts`` inside brackets it opened (a Python
    assignment ``url = (`` whose literal parts follow on the next lines): reported with the request that uses it."""
    found: set[int] = set()
    depth, left = 0, 0
    for ln in lines:
        if depth > 0 and left > 0:
            found.add(ln.number)
            left -= 1
        elif ln.number in starts:
            depth, left = 0, _MAX_CONTINUED
        else:
            depth, left = 0, 0
            continue
        depth += sum(ln.text.count(c) for c in "([{") - sum(ln.text.count(c) for c in ")]}")
        if depth <= 0:
            left = 0
    return found


@dataclass
class _ContactLines:
    """Per file, the lines the programs' contacts already account for, read before the same files are read as
    text: the lines assigning a URL a reported request then uses (``requested``), the lines a reported contact
    starts on (``calling``), and the lines of the URLs a Windows call contacts elsewhere (``literals``)."""

    requested: dict[str, set[int]] = dataclasses.field(default_factory=dict)
    calling: dict[str, set[int]] = dataclasses.field(default_factory=dict)
    literals: dict[str, set[int]] = dataclasses.field(default_factory=dict)


def endpoints(ctx: Context) -> Iterator[Endpoint]:
    """Every host the package names, contacted or mentioned, internal ones included: the scripts' and cron
    commands' contacts, the Windows programs' calls, then the configuration, unit and program files read as text
    (after the contacts, whose lines they leave out)."""
    reported = _ContactLines()
    yield from _script_file_endpoints(ctx, reported)
    for (path, _), script in ctx.parsed.cron_commands.items():
        yield from _script_endpoints(path, script)
    yield from _windows_endpoints(ctx, reported)
    for text in ctx.of_kind(Kind.CONFIG, Kind.SYSTEMD):
        # a constants module's URLs, requested where another file of the package imports them
        yield from _settings_file_endpoints(ctx, text, reported, ctx.imported_urls.get(text.path, {}))


def _script_file_endpoints(ctx: Context, reported: _ContactLines) -> Iterator[Endpoint]:
    """The shell scripts' hosts; records the lines their contacts start on and assign their URLs on."""
    for path, script in ctx.parsed.scripts.items():
        # a payload tool or dev tooling contacts its hosts when someone runs it later, not at the upgrade
        examples = ctx.sdist_examples  # an sdist's examples/: run when someone runs them
        tool = is_payload_tool(ctx, path) or is_developer_tooling(ctx, path) or path in examples
        tool = tool or is_served_elsewhere(ctx, path)  # a kickstart snippet, user data: the served machine contacts
        for e in _script_endpoints(path, script):
            if e.assigned_line and e.contacted:
                reported.requested.setdefault(path, set()).add(e.assigned_line)
            if e.contacted:  # ``subprocess.run(\n ["git", "clone", "https://…"])``: its literal's line is this contact
                reported.calling.setdefault(path, set()).add(e.line)
            yield dataclasses.replace(e, contacted=False) if tool else e


def _windows_endpoints(ctx: Context, reported: _ContactLines) -> Iterator[Endpoint]:
    """PowerShell and batch: the hosts their calls contact; records the lines of the URLs assigned elsewhere."""
    for path, win in ctx.parsed.windows.items():
        for c in contacts(win):
            where = c.word.assigned_line or c.word.line  # a variable's or a splatted hashtable entry's line
            assigned = where if where != c.call.line else None
            contacted = not is_development_file(path)  # a CI or developer script runs when its developers run it
            if assigned is not None:  # an installer script's ``const Url = '…'``: read as text too, one contact
                reported.literals.setdefault(path, set()).add(assigned)
            yield Endpoint(path, c.call.line, c.host, contacted, "network command", c.call.text, assigned)


def _read_elsewhere(ctx: Context, text: TextFile, code: bool, reported: _ContactLines) -> Set[int]:
    """The lines of a file already read as a contact (as shell, a Windows call's URL, a request's literal or its
    bracketed arguments): left out of the reading as text, so each host is reported once."""
    shell: Set[int] = ctx.parsed.embedded_lines.get(text.path, frozenset())  # read as shell above, not as settings
    shell = shell | reported.literals.get(text.path, set())
    if text.path in reported.requested:  # ``url = (\n "https://…"\n f"{v}/x")`` then ``urlretrieve(url, …)``: once
        shell = shell | _continued(text.lines, reported.requested[text.path])
        # ``BASE = f"https://…"`` then ``url = f"{BASE}/{x}"`` at the assigned line: the base is that request's host
        numbered = [(ln.number, ln.text) for ln in text.lines]
        shell = shell | literals_behind(text.path, numbered, reported.requested[text.path])
    # a call's bracketed arguments on the lines after it: that call's contact
    if code and text.path in reported.calling:
        shell = shell | _continued(text.lines, reported.calling[text.path])
    return shell


def _lines_for_people(ctx: Context, text: TextFile, source: str, code: bool) -> Set[int]:
    """The lines of a file written for a reader: a program's docstrings, printed and logged text, code that does
    not run on Linux; a manifest's metadata; a boot menu's entries. Their hosts are mentions."""
    path = text.path
    for_people = documentation_lines(path, source) | prose_string_lines(path, source) if code else set()
    for_people |= shown_lines(path, source) if code else set()  # JavaScript comments and printed text
    for_people |= printed_argument_lines(path, source, ctx.printing_helpers) if code else set()
    for_people |= perl_shown_lines(path, source) if code else set()  # Perl here-documents it prints or dies
    for_people |= perl_not_run_lines(path, source) if code else set()  # Perl off Linux, dead code
    for_people |= ruby_shown_lines(path, source) if code else set()  # Ruby strings it puts, warns or raises
    for_people |= php_shown_lines(path, source) if code else set()  # PHP strings it echoes, prints or throws
    for_people |= go_shown_lines(path, source) if code else set()  # Go error messages, printed or logged text
    for_people |= rust_shown_lines(path, source) if code else set()  # Rust printed, logged or panic text
    for_people |= rust_other_os_lines(path, source) if code else set()  # Rust arms and cfgs off Linux
    for_people |= self_test_lines(path, source) if code else set()  # a package module's ``__main__`` test
    for_people |= lifecycle.metadata_lines(path, source)  # a manifest's homepage, repository, funding…
    if not code:  # a boot menu's titles and entries, printed on the console of the machine booting
        for_people |= menu_text_lines(tuple((ln.number, ln.text) for ln in text.lines))
    return for_people


def _request_calls(path: str, whole: tuple[tuple[int, str], ...], source: str) -> dict[int, list[int]]:
    """Per line of a URL literal, the lines of the requests built on it (Python, else Go, else a build.rs)."""
    calls = request_lines(path, whole)
    calls = calls or go_request_lines(path, source)  # ``http.Get(refsUrl)``, in Go
    return calls or rust_request_lines(path, source)  # a build.rs ``download_file(URL)``


def _settings_file_endpoints(
    ctx: Context, text: TextFile, reported: _ContactLines, imported: Mapping[int, Sequence[Use]]
) -> Iterator[Endpoint]:
    """A configuration, unit or program file's hosts read as text (``_text_endpoints``), less its compose file's own
    containers; a URL literal a request is built on is reported at that request, as its contact, also a request of
    another program file that imports it (``imported``: literal line -> those requests)."""
    own = own_names(text)  # a compose file's own containers, reached on the project's network
    payload = installed_payload(text.path, ctx.system_package) and text.path not in ctx.called_by_maintainer
    source = "\n".join(ln.text for ln in text.lines)
    code = is_program_source(text.path, source[:300])
    shell = _read_elsewhere(ctx, text, code, reported)
    for_people = _lines_for_people(ctx, text, source, code)
    lines = tuple((ln.number, ln.text) for ln in text.lines if ln.number not in shell)
    # ``urlopen(JSON_URL)``: contacted at each call; read from the whole file (a step's ``def`` lines are read as
    # shell too, and a module with them blanked does not parse)
    whole = tuple((ln.number, ln.text) for ln in text.lines)
    calls = _request_calls(text.path, whole, source) if code else {}
    # a Makefile's targets that no ``make`` or ``make install`` runs: a developer's, run when someone types them
    unrun = makefile.developer_recipe_lines(source) if makefile.is_makefile(text.path) else set()
    program = ProgramHosts(requested_literal_lines(text.path, whole), python_host_values(text.path, whole))
    for e in _text_endpoints(
        text.path,
        text.kind,
        lines,
        payload=payload,
        for_people=for_people,
        built=ctx.ships_dependencies,
        program=program if code else None,
    ):
        if e.host.lower().rstrip(".") in own:
            continue
        for one in _at_requests(e, calls):
            for moved in _at_imports(one, imported):
                yield _as_run(ctx, moved.path, moved, unrun if moved.path == text.path else frozenset())


def _at_requests(e: Endpoint, calls: dict[int, list[int]]) -> list[Endpoint]:
    """The endpoint, or, when requests are built from its URL literal, one contact at each such request: they
    contact its host, also when the literal alone reads as a link (a repository's page,
    ``https://github.com/owner/repo``, that ``.git/info/refs`` is appended to)."""
    if e.line in calls and (e.contacted or e.found_as == "setting"):
        made = "network command"
        return [
            dataclasses.replace(e, line=n, found_as=made, assigned_line=e.line, contacted=True) for n in calls[e.line]
        ]
    return [e]


def _at_imports(e: Endpoint, imported: Mapping[int, Sequence[Use]]) -> list[Endpoint]:
    """The endpoint, or, when other program files import its URL constant and request it, one contact at each such
    request, in the importing file, naming the constant's line (``package_imports``): the constant is that request's
    value, as a sourced library's assignment is a shell script's, not a contact of its own."""
    uses = imported.get(e.line, []) if e.contacted or e.found_as == "setting" else []
    made = "network command"
    where = f"{e.path}:{e.line}"
    return [
        dataclasses.replace(e, path=u.path, line=u.line, text=u.text, found_as=made, contacted=True, assigned_in=where)
        for u in uses
    ] or [e]


def _as_run(ctx: Context, path: str, e: Endpoint, unrun: Set[int]) -> Endpoint:
    """The endpoint as the file is run: offered (configuration not put in effect), not contacted at the upgrade (an
    sdist's example, a Makefile target no install runs, a development settings file), or as read."""
    if path in ctx.offered_config:  # sites-available/, unused fail2ban actions, a sample beside its real file
        return dataclasses.replace(e, contacted=False, found_as="offered")
    # an sdist's example (its settings, a sample backend): contacted when someone runs it, as scripts
    tool = path in ctx.sdist_examples or e.line in unrun
    tool = tool or path in ctx.development_settings  # ``DevelopmentConfig``'s OIDC client file
    return dataclasses.replace(e, contacted=False) if tool else e


def scan(ctx: Context) -> Iterator[Finding]:
    inventory = ctx.inventory
    reported: dict[tuple[str, int, str], bool] = {}
    found = sorted(endpoints(ctx), key=lambda e: (e.path, e.line, not e.contacted))
    for e in found:
        key = (e.path, e.line, e.host)
        if key in reported:
            continue
        reported[key] = e.contacted
        if is_metadata(e.host) and e.found_as != "text":  # not a docstring's or a README's example address
            yield at_line(
                "preflight.metadata_endpoint",
                Severity.HIGH,
                path=e.path,
                line=e.line,
                text=e.text,
                host=e.host,
                message=f"reads the cloud instance metadata service ({e.host}): it hands out the machine's credentials",
                remedy="Ask the vendor why the installer needs instance metadata; block the step or pass the "
                "values it needs explicitly.",
            )
            continue
        if (
            is_internal(e.host)
            or placeholder_host(e.host)  # ``my.mail.host``, ``http://some.url/…``: a word for the operator to replace
            or (inventory is not None and inventory.endpoint_allowed(e.host))
        ):
            continue
        extra: dict[str, object] = {"assigned_line": e.assigned_line} if e.assigned_line else {}
        if e.method:
            extra["method"] = e.method
        if e.call_line:
            extra["call_line"] = e.call_line
        if e.defined_at:
            extra["defined_at"] = e.defined_at
        if e.assigned_in:
            extra["assigned_in"] = e.assigned_in
        yield at_line(
            "preflight.external_endpoint",
            Severity.MEDIUM if e.contacted else Severity.INFO,
            path=e.path,
            line=e.line,
            text=e.text,
            host=e.host,
            found_as=e.found_as,
            contacted=e.contacted,
            message=(
                f"contacts {e.host!r}, which is not in the target's allowed endpoints"
                + (f" (the URL is assigned on line {e.assigned_line})" if e.assigned_line else "")
                + (f" (the URL is the constant assigned at {e.assigned_in})" if e.assigned_in else "")
                + (f", passed by the call on line {e.call_line}" if e.call_line else "")
                + (f" (through the function written at {e.defined_at})" if e.defined_at else "")
                if e.contacted
                else f"names {e.host!r} in configuration the package offers but does not enable (not in the target's "
                "allowed endpoints); it is contacted only if someone enables that file"
                if e.found_as == "offered"
                else f"mentions {e.host!r} (not in the target's allowed endpoints); nothing on the line connects to it"
            ),
            remedy="Confirm the endpoint with the vendor; add it to network.allowed_endpoints if the target may "
            "reach it, or block the step.",
            **extra,
        )
