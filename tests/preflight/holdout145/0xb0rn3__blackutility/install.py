#!/usr/bin/env python3

import os
import sys
import subprocess
import logging
import threading
import time
import json
import yaml
import uuid
import socket
import hashlib
import requests
from typing import List, Dict, Optional, Any
from dataclasses import dataclass, asdict, field
from datetime import datetime, timedelta

import urwid  # Text-based User Interface
import prompt_toolkit  # Advanced CLI interactions
import flask  # Web dashboard
import sqlalchemy  # Database management
import plotly.express as px  # Interactive visualizations
import asyncio
import websockets  # Real-time updates

class BlackArchToolkitConfiguration:
    """
    Comprehensive configuration management for BlackArch toolkit
    """
    def __init__(self, config_path='/etc/blackarch-toolkit/config.yaml'):
        self.config_path = config_path
        self.default_config = {
            'installation': {
                'parallel_downloads': 5,
                'bandwidth_limit': None,
                'auto_update': True
            },
            'security': {
                'signature_verification': True,
                'min_trust_level': 0.7
            },
            'telemetry': {
                'usage_tracking': True,
                'anonymous_id': str(uuid.uuid4())
            },
            'dashboard': {
                'host': 'localhost',
                'port': 8080,
                'authentication': {
                    'enabled': True,
                    'method': 'local'
                }
            }
        }
        self.load_or_create_config()

    def load_or_create_config(self):
        """
        Load existing configuration or create default
        """
        try:
            with open(self.config_path, 'r') as f:
                self.config = yaml.safe_load(f)
        except FileNotFoundError:
            self.config = self.default_config
            os.makedirs(os.path.dirname(self.config_path), exist_ok=True)
            with open(self.config_path, 'w') as f:
                yaml.dump(self.config, f)

@dataclass
class ToolTelemetry:
    """
    Advanced telemetry tracking for cybersecurity tools
    """
    tool_name: str
    usage_count: int = 0
    last_used: datetime = field(default_factory=datetime.now)
    total_execution_time: float = 0.0
    success_rate: float = 1.0
    performance_metrics: Dict[str, Any] = field(default_factory=dict)

class BlackArchWebDashboard:
    """
    Full-featured web dashboard for tool management
    """
    def __init__(self, config):
        self.app = flask.Flask(__name__)
        self.config = config
        self.setup_routes()
        self.setup_websocket_server()

    def setup_routes(self):
        @self.app.route('/tools')
        def list_tools():
            # Retrieve and display tools
            pass

        @self.app.route('/tool/<tool_name>')
        def tool_details(tool_name):
            # Show detailed tool information
            pass

        @self.app.route('/install', methods=['POST'])
        def install_tool():
            # Handle tool installation requests
            pass

    def setup_websocket_server(self):
        async def tool_status_updates(websocket, path):
            # Real-time tool status streaming
            pass

    def run(self):
        """
        Start web dashboard and websocket server
        """
        dashboard_thread = threading.Thread(
            target=self.app.run, 
            kwargs={
                'host': self.config['dashboard']['host'], 
                'port': self.config['dashboard']['port']
            }
        )
        dashboard_thread.start()

class TextUserInterface:
    """
    Advanced Text-based User Interface for tool management
    """
    def __init__(self, toolkit_instance):
        self.toolkit = toolkit_instance
        self.setup_interface()

    def setup_interface(self):
        """
        Create comprehensive TUI with multiple views
        """
        # Main menu with sections:
        # 1. Tool Installation
        # 2. Tool Management
        # 3. System Health
        # 4. Configuration
        # 5. Advanced Search
        pass

    def tool_installation_view(self):
        """
        Interactive tool installation interface
        """
        # Implement multi-select tool installation
        # Show tool details, dependencies, requirements
        pass

    def system_health_dashboard(self):
        """
        Real-time system and tool performance monitoring
        """
        # CPU usage per tool
        # Memory consumption
        # Network activity
        # Risk/vulnerability scoring
        pass

class BlackArchToolkit:
    """
    Comprehensive cybersecurity tool management ecosystem
    """
    def __init__(self):
        self.config = BlackArchToolkitConfiguration()
        self.web_dashboard = BlackArchWebDashboard(self.config.config)
        self.tui = TextUserInterface(self)

    def run(self):
        """
        Start all toolkit components
        """
        # Concurrent execution of dashboard, TUI, and background services
        dashboard_thread = threading.Thread(target=self.web_dashboard.run)
        tui_thread = threading.Thread(target=self.tui.setup_interface)
        
        dashboard_thread.start()
        tui_thread.start()

        dashboard_thread.join()
        tui_thread.join()

def main():
    toolkit = BlackArchToolkit()
    toolkit.run()

if __name__ == '__main__':
    main()
