#!/bin/bash

service rsyslog start
service postfix start
service dovecot start
tail -f /dev/null