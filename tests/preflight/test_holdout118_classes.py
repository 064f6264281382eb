"""Classes of mistakes the hundred-and-eighteenth hold-out set found (tests/preflight/holdout118: Dockerfiles and
Ansible task files that install or upgrade a product, second sample), each as its minimal construct next to a near
miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- C: a URL a set_fact holds, fetched later through the variable ------------------------------------------------

_ENDPOINT = "preflight.external_endpoint"


def test_c_a_get_url_of_a_set_fact_variable_reaches_the_host_the_fact_holds() -> None:
    tasks = (
        "---\n"
        "- name: base url\n"
        "  set_fact:\n"
        '    _base: "https://dl.example.org/release/linux-{{ arch }}"\n'
        "- name: full url\n"
        "  set_fact:\n"
        '    _url: "{{ _base }}/server"\n'
        "- name: download\n"
        "  get_url:\n"
        '    url: "{{ _url }}"\n'
        '    dest: "{{ server_bin }}"\n'
        '    checksum: "sha256:{{ sum }}"\n'
    )
    assert codes_at({"tasks/install.yml": tasks}, _ENDPOINT) == [10]


def test_c_near_miss_a_variable_no_set_fact_gave_or_a_fact_no_module_fetches() -> None:
    tasks = (
        "---\n"
        "- name: name only\n"
        "  set_fact:\n"
        '    _service: "app-{{ layout }}"\n'
        '    _docs: "https://docs.example.org/app"\n'
        "- name: download\n"
        "  get_url:\n"
        '    url: "{{ download_url }}"\n'
        '    dest: "/opt/{{ _service }}/app.tar.gz"\n'
        '    checksum: "sha256:{{ sum }}"\n'
    )
    assert codes_at({"tasks/install.yml": tasks}, _ENDPOINT) == []
