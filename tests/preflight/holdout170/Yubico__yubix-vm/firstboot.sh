#!/bin/bash

#Add the Yubico PPA key
apt-key adv --keyserver keyserver.ubuntu.com --recv-keys 32CBA1A9
apt-get update
