#!/bin/bash
#
# Copyright 2014 The Apache Software Foundation
#
# Licensed to the Apache Software Foundation (ASF) under one
# or more contributor license agreements.  See the NOTICE file
# distributed with this work for additional information
# regarding copyright ownership.  The ASF licenses this file
# to you under the Apache License, Version 2.0 (the
# "License"); you may not use this file except in compliance
# with the License.  You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

# Set Kafka specific environment variables here.

#export JAVA_HOME=/usr/jdk1.7/
#export LOG_DIR="/tmp/logs/
#export KAFKA_JMX_OPTS="-Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false"
#export JMX_PORT="9999"
#export KAFKA_HEAP_OPTS="-Xmx300M"
#export KAFKA_JVM_PERFORMANCE_OPTS="-server -XX:+UseParNewGC -XX:+UseConcMarkSweepGC -Djava.awt.headless=true"
#export KAFKA_GC_LOG_OPTS="-Xloggc:$LOG_DIR/kafka-gc.txt -XX:+PrintGCDetails"
