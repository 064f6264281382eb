#!/bin/bash
#
# Install Git and Nano

yum install -y git
yum install -y nano
