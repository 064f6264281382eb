#!/bin/bash
# Keldris Agent Installer for Linux
# Downloads the agent binary, installs to /usr/local/bin, and configures systemd

set -euo pipefail

# Configuration
INSTALL_DIR="/usr/local/bin"
CONFIG_DIR="/etc/keldris"
SERVICE_NAME="keldris-agent"
BINARY_NAME="keldris-agent"
GITHUB_REPO="MacJediWizard/keldris"
DOWNLOAD_BASE_URL="${KELDRIS_DOWNLOAD_URL:-https://github.com/${GITHUB_REPO}/releases/latest/download}"

# Colors for output
RED='\033[0;31m'
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
NC='\033[0m' # No Color

log_info() {
    echo -e "${GREEN}[INFO]${NC} $1" >&2
}

log_warn() {
    echo -e "${YELLOW}[WARN]${NC} $1" >&2
}

log_error() {
    echo -e "${RED}[ERROR]${NC} $1" >&2
}

# Check if running as root
check_root() {
    if [[ $EUID -ne 0 ]]; then
        log_error "This script must be run as root (use sudo)"
        exit 1
    fi
}

# Detect architecture
detect_arch() {
    local arch
    arch=$(uname -m)
    case "$arch" in
        x86_64)
            echo "amd64"
            ;;
        aarch64|arm64)
            echo "arm64"
            ;;
        *)
            log_error "Unsupported architecture: $arch"
            exit 1
            ;;
    esac
}

# Detect OS
detect_os() {
    if [[ ! -f /etc/os-release ]]; then
        log_error "Cannot detect OS: /etc/os-release not found"
        exit 1
    fi

    # shellcheck source=/dev/null
    . /etc/os-release
    echo "$ID"
}

# Download binary
download_binary() {
    local arch="$1"
    local download_url="${DOWNLOAD_BASE_URL}/keldris-agent-linux-${arch}"
    local tmp_file="/tmp/${BINARY_NAME}"

    log_info "Downloading Keldris Agent (linux/${arch})..."

    if command -v curl &> /dev/null; then
        curl -fsSL -o "$tmp_file" "$download_url" || {
            log_error "Failed to download binary from $download_url"
            exit 1
        }
    elif command -v wget &> /dev/null; then
        wget -q -O "$tmp_file" "$download_url" || {
            log_error "Failed to download binary from $download_url"
            exit 1
        }
    else
        log_error "Neither curl nor wget found. Please install one of them."
        exit 1
    fi

    echo "$tmp_file"
}

# Install binary
install_binary() {
    local tmp_file="$1"
    local install_path="${INSTALL_DIR}/${BINARY_NAME}"

    log_info "Installing binary to ${install_path}..."

    # Create install directory if it doesn't exist
    mkdir -p "$INSTALL_DIR"

    # Move binary to install location
    mv "$tmp_file" "$install_path"

    # Set permissions
    chmod 755 "$install_path"
    chown root:root "$install_path"

    log_info "Binary installed successfully"
}

# Install restic backup engine
install_restic() {
    if command -v restic &> /dev/null; then
        local current_version
        current_version=$(restic version 2>/dev/null | awk '{print $2}')
        log_info "Restic already installed (${current_version})"
        return 0
    fi

    log_info "Installing restic..."

    local arch
    arch=$(uname -m)
    local restic_arch
    case "$arch" in
        x86_64)  restic_arch="amd64" ;;
        aarch64|arm64) restic_arch="arm64" ;;
        *) log_warn "Unsupported architecture for restic: $arch"; return 0 ;;
    esac

    local restic_url="https://github.com/restic/restic/releases/latest/download/restic_${restic_arch}.bz2"
    local tmp_restic="/tmp/restic.bz2"

    # Try downloading the versioned binary
    if command -v curl &> /dev/null; then
        # Get latest version tag
        local latest_tag
        latest_tag=$(curl -fsSL -o /dev/null -w '%{url_effective}' https://github.com/restic/restic/releases/latest | grep -o '[^/]*$')
        local version="${latest_tag#v}"
        restic_url="https://github.com/restic/restic/releases/download/${latest_tag}/restic_${version}_linux_${restic_arch}.bz2"
        curl -fsSL -o "$tmp_restic" "$restic_url"
    elif command -v wget &> /dev/null; then
        local latest_tag
        latest_tag=$(wget -q -O /dev/null --server-response https://github.com/restic/restic/releases/latest 2>&1 | grep -i location | grep -o '[^/]*$' | tr -d '\r')
        local version="${latest_tag#v}"
        restic_url="https://github.com/restic/restic/releases/download/${latest_tag}/restic_${version}_linux_${restic_arch}.bz2"
        wget -q -O "$tmp_restic" "$restic_url"
    else
        log_warn "Cannot download restic: neither curl nor wget available"
        return 0
    fi

    if [[ ! -f "$tmp_restic" ]]; then
        log_warn "Failed to download restic. Install manually: https://restic.net"
        return 0
    fi

    # Decompress and install
    if ! command -v bunzip2 &> /dev/null; then
        log_warn "bunzip2 not found. Installing bzip2..."
        apt-get install -y bzip2 2>/dev/null || yum install -y bzip2 2>/dev/null || true
    fi

    bunzip2 -f "$tmp_restic"
    local tmp_bin="/tmp/restic"
    # The decompressed file may have the original name without .bz2
    if [[ -f "/tmp/restic" ]]; then
        tmp_bin="/tmp/restic"
    elif [[ -f "/tmp/restic.bz2" ]]; then
        # bunzip2 failed silently
        log_warn "Failed to decompress restic. Install manually: https://restic.net"
        return 0
    fi

    mv "$tmp_bin" "${INSTALL_DIR}/restic"
    chmod 755 "${INSTALL_DIR}/restic"
    chown root:root "${INSTALL_DIR}/restic"

    local installed_version
    installed_version=$(restic version 2>/dev/null | awk '{print $2}')
    log_info "Restic ${installed_version} installed successfully"
}

# Create config directory
create_config_dir() {
    log_info "Creating configuration directory..."
    mkdir -p "$CONFIG_DIR"
    chmod 750 "$CONFIG_DIR"
}

# Create systemd service
create_systemd_service() {
    local service_file="/etc/systemd/system/${SERVICE_NAME}.service"

    log_info "Creating systemd service..."

    cat > "$service_file" << 'EOF'
[Unit]
Description=Keldris Backup Agent
Documentation=https://keldris.io/docs
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=root
ExecStart=/usr/local/bin/keldris-agent start
Restart=always
RestartSec=10
StandardOutput=journal
StandardError=journal
SyslogIdentifier=keldris-agent

# Security hardening
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=read-only
PrivateTmp=yes
ReadWritePaths=/etc/keldris /var/log

# Environment
Environment=KELDRIS_CONFIG_DIR=/etc/keldris
Environment=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[Install]
WantedBy=multi-user.target
EOF

    chmod 644 "$service_file"

    log_info "Systemd service created at ${service_file}"
}

# Enable and start service
enable_service() {
    log_info "Reloading systemd daemon..."
    systemctl daemon-reload

    log_info "Enabling ${SERVICE_NAME} service..."
    systemctl enable "$SERVICE_NAME"

    log_info "Starting ${SERVICE_NAME} service..."
    systemctl start "$SERVICE_NAME"

    # Check service status
    if systemctl is-active --quiet "$SERVICE_NAME"; then
        log_info "Service started successfully"
    else
        log_warn "Service may not have started correctly. Check 'systemctl status ${SERVICE_NAME}'"
    fi
}

# Register agent with Keldris server using env vars
REGISTRATION_SUCCESS=""
register_agent() {
    local server="${KELDRIS_SERVER:-}"
    local code="${KELDRIS_CODE:-}"
    local org_id="${KELDRIS_ORG_ID:-}"

    # Skip if any required env var is missing
    if [[ -z "$server" || -z "$code" || -z "$org_id" ]]; then
        return 0
    fi

    log_info "Registering agent with Keldris server..."

    local hostname
    hostname=$(hostname)

    local response
    response=$(curl -fsSL -X POST "${server}/api/v1/agents/register" \
        -H "Content-Type: application/json" \
        -H "X-Org-ID: ${org_id}" \
        -d "{\"code\":\"${code}\",\"hostname\":\"${hostname}\"}") || {
        log_warn "Agent registration failed. You can register manually later."
        return 0
    }

    # Parse api_key and agent_id from JSON response (no jq dependency)
    local api_key agent_id
    api_key=$(echo "$response" | grep -o '"api_key":"[^"]*"' | grep -o '"[^"]*"$' | tr -d '"')
    agent_id=$(echo "$response" | grep -o '"id":"[^"]*"' | grep -o '"[^"]*"$' | tr -d '"')

    if [[ -z "$api_key" || -z "$agent_id" ]]; then
        log_warn "Could not parse registration response. You can register manually later."
        return 0
    fi

    # Write config file
    cat > "${CONFIG_DIR}/config.yml" << CONF
server_url: ${server}
api_key: ${api_key}
agent_id: ${agent_id}
hostname: ${hostname}
CONF

    chmod 600 "${CONFIG_DIR}/config.yml"
    chown root:root "${CONFIG_DIR}/config.yml"

    log_info "Agent registered successfully (agent_id: ${agent_id})"
    REGISTRATION_SUCCESS="true"
}

# Print post-install instructions
print_instructions() {
    echo ""
    echo "=============================================="
    echo "  Keldris Agent Installation Complete"
    echo "=============================================="
    echo ""

    if [[ -n "$REGISTRATION_SUCCESS" ]]; then
        echo "  Agent is registered and running!"
        echo ""
        echo "  Check agent status:"
        echo "     sudo keldris-agent status"
    else
        echo "Next steps:"
        echo "  1. Register the agent with your Keldris server:"
        echo "     sudo keldris-agent register --server https://your-server.com"
        echo ""
        echo "  2. Check agent status:"
        echo "     sudo keldris-agent status"
    fi

    echo ""
    echo "Service management:"
    echo "  Start:   sudo systemctl start ${SERVICE_NAME}"
    echo "  Stop:    sudo systemctl stop ${SERVICE_NAME}"
    echo "  Status:  sudo systemctl status ${SERVICE_NAME}"
    echo "  Logs:    sudo journalctl -u ${SERVICE_NAME} -f"
    echo ""
    echo "Configuration directory: ${CONFIG_DIR}"
    echo ""
}

# Uninstall function
uninstall() {
    local purge=false
    for arg in "$@"; do
        case "$arg" in
            --purge) purge=true ;;
        esac
    done

    log_info "Uninstalling Keldris Agent..."

    # Stop and disable service
    if systemctl is-active --quiet "$SERVICE_NAME" 2>/dev/null; then
        log_info "Stopping service..."
        systemctl stop "$SERVICE_NAME"
    fi

    if systemctl is-enabled --quiet "$SERVICE_NAME" 2>/dev/null; then
        log_info "Disabling service..."
        systemctl disable "$SERVICE_NAME"
    fi

    # Remove service file
    if [[ -f "/etc/systemd/system/${SERVICE_NAME}.service" ]]; then
        log_info "Removing systemd service..."
        rm -f "/etc/systemd/system/${SERVICE_NAME}.service"
        systemctl daemon-reload
        systemctl reset-failed "$SERVICE_NAME" 2>/dev/null || true
    fi

    # Remove binary
    if [[ -f "${INSTALL_DIR}/${BINARY_NAME}" ]]; then
        log_info "Removing binary..."
        rm -f "${INSTALL_DIR}/${BINARY_NAME}"
    fi

    # Remove restic if installed by us (only in /usr/local/bin, not system package)
    if [[ "$purge" == true && -f "${INSTALL_DIR}/restic" ]]; then
        log_info "Removing restic..."
        rm -f "${INSTALL_DIR}/restic"
    fi

    # Remove config and data if --purge
    if [[ "$purge" == true ]]; then
        if [[ -d "$CONFIG_DIR" ]]; then
            log_info "Removing configuration directory ${CONFIG_DIR}..."
            rm -rf "$CONFIG_DIR"
        fi

        # Also clean up root's home config if it exists
        if [[ -d "/root/.keldris" ]]; then
            log_info "Removing /root/.keldris..."
            rm -rf "/root/.keldris"
        fi

        # Unmount any active FUSE mounts before cleanup
        if [[ -d "/tmp/keldris-mounts" ]]; then
            log_info "Unmounting FUSE mounts..."
            for mnt in /tmp/keldris-mounts/*/; do
                [[ -d "$mnt" ]] || continue
                fusermount -u "$mnt" 2>/dev/null || umount "$mnt" 2>/dev/null || true
            done
        fi

        log_info "Removing temporary files..."
        rm -rf /tmp/keldris-* 2>/dev/null || true
        rm -f /tmp/restic-compressed-* /tmp/restic-download-* 2>/dev/null || true

        # Remove log files
        rm -f /var/log/keldris* 2>/dev/null || true
    else
        if [[ -d "$CONFIG_DIR" ]]; then
            log_warn "Configuration directory ${CONFIG_DIR} was preserved."
            log_warn "Run with --purge to remove all configuration and data."
        fi
    fi

    log_info "Keldris Agent has been uninstalled."
}

# Main installation function
main() {
    local action="${1:-install}"

    case "$action" in
        install)
            check_root

            log_info "Starting Keldris Agent installation..."

            local arch
            arch=$(detect_arch)
            log_info "Detected architecture: $arch"

            local os
            os=$(detect_os)
            log_info "Detected OS: $os"

            local tmp_file
            tmp_file=$(download_binary "$arch")

            install_binary "$tmp_file"
            install_restic
            create_config_dir
            create_systemd_service
            register_agent
            enable_service
            print_instructions
            ;;
        uninstall)
            check_root
            uninstall "${@:2}"
            ;;
        *)
            echo "Usage: $0 [install|uninstall [--purge]]"
            exit 1
            ;;
    esac
}

main "$@"
