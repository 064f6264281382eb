#!/bin/bash

set -e

# DevTools CLI Installer Script
# This script downloads and installs the DevTools CLI from GitHub releases

# Colors for output
RED='\033[0;31m'
GREEN='\033[0;32m'
YELLOW='\033[1;33m'
NC='\033[0m' # No Color

# Configuration
REPO_OWNER="the-dev-tools"
REPO_NAME="dev-tools"
BINARY_NAME="devtools"
INSTALL_DIR="${INSTALL_DIR:-/usr/local/bin}"

# Functions
print_error() {
    echo -e "${RED}Error: $1${NC}" >&2
}

print_success() {
    echo -e "${GREEN}$1${NC}" >&2
}

print_info() {
    echo -e "${YELLOW}$1${NC}" >&2
}

detect_platform() {
    local os=$(uname -s | tr '[:upper:]' '[:lower:]')
    local arch=$(uname -m)
    
    case "$os" in
        linux)
            os="linux"
            ;;
        darwin)
            os="darwin"
            ;;
        msys*|mingw*|cygwin*)
            # Windows release assets are named win32-<arch>.exe, like Node's
            # process.platform (see .github/workflows/release-go.yaml).
            os="win32"
            ;;
        *)
            print_error "Unsupported operating system: $os"
            exit 1
            ;;
    esac
    
    case "$arch" in
        x86_64|amd64)
            arch="x64"
            ;;
        aarch64|arm64)
            arch="arm64"
            ;;
        i386|i686)
            if [ "$os" = "win32" ]; then
                arch="ia32"
            else
                print_error "32-bit architecture not supported on $os"
                exit 1
            fi
            ;;
        *)
            print_error "Unsupported architecture: $arch"
            exit 1
            ;;
    esac
    
    echo "${os}-${arch}"
}

# Prints the newest stable version (no "-" pre-release suffix) among the
# repository's cli@ tags, or nothing if none can be found.
latest_stable_version() {
    local refs_url="https://api.github.com/repos/${REPO_OWNER}/${REPO_NAME}/git/matching-refs/tags/cli@"
    curl -s "$refs_url" \
        | grep -o '"ref": *"refs/tags/cli@[^"]*"' \
        | sed -E 's#.*refs/tags/cli@([^"]*)".*#\1#' \
        | grep -v -e '-' \
        | sort -V \
        | tail -n1
}

get_version() {
    local requested_version=$1
    
    if [ -n "$requested_version" ]; then
        # Verify the requested version exists
        local release_url="https://api.github.com/repos/${REPO_OWNER}/${REPO_NAME}/releases/tags/cli@${requested_version}"
        local release_check=$(curl -s -o /dev/null -w "%{http_code}" "$release_url")
        
        if [ "$release_check" != "200" ]; then
            print_error "Release cli@${requested_version} not found."
            exit 1
        fi
        
        echo "$requested_version"
    else
        # Fetch the package.json from main branch to get the latest version
        local package_url="https://raw.githubusercontent.com/${REPO_OWNER}/${REPO_NAME}/refs/heads/main/apps/cli/package.json"
        local version=$(curl -s "$package_url" | grep '"version"' | head -1 | sed -E 's/.*"version": "([^"]+)".*/\1/')
        
        if [ -z "$version" ]; then
            print_error "Failed to fetch latest version from package.json"
            exit 1
        fi

        # A pre-release version (X.Y.Z-<pre>) must never be installed by
        # default. main should only ever carry stable versions, but if a
        # pre-release bump lands there by mistake, fall back to the newest
        # stable cli@ release instead. Pre-releases stay installable with -v.
        case "$version" in
            *-*)
                local stable_version=$(latest_stable_version)
                if [ -z "$stable_version" ]; then
                    print_error "Latest version ${version} is a pre-release and no stable release was found."
                    exit 1
                fi
                version="$stable_version"
                ;;
        esac

        # Verify the release exists
        local release_url="https://api.github.com/repos/${REPO_OWNER}/${REPO_NAME}/releases/tags/cli@${version}"
        local release_check=$(curl -s -o /dev/null -w "%{http_code}" "$release_url")
        
        if [ "$release_check" != "200" ]; then
            print_error "Release cli@${version} not found. It may not be published yet."
            exit 1
        fi
        
        echo "$version"
    fi
}

download_binary() {
    local version=$1
    local platform=$2
    local binary_suffix=""
    
    if [[ "$platform" == "win32-"* ]]; then
        binary_suffix=".exe"
    fi
    
    local binary_name="devtools-cli-${version}-${platform}${binary_suffix}"
    local download_url="https://github.com/${REPO_OWNER}/${REPO_NAME}/releases/download/cli@${version}/${binary_name}"
    local temp_file="/tmp/${binary_name}"
    
    print_info "Downloading DevTools CLI ${version} for ${platform}..."
    
    if command -v curl &> /dev/null; then
        curl -fsSL -o "$temp_file" "$download_url" || {
            print_error "Failed to download binary"
            exit 1
        }
    elif command -v wget &> /dev/null; then
        wget -O "$temp_file" "$download_url" || {
            print_error "Failed to download binary"
            exit 1
        }
    else
        print_error "Neither curl nor wget found. Please install one of them."
        exit 1
    fi
    
    echo "$temp_file"
}

# Verifies the downloaded binary against the release's checksums.txt
# ("<sha256>  <asset name>" per line, published since cli@1.2.0). Older releases
# have no checksums.txt; for those, and when no SHA-256 tool is available, the
# check is skipped with a note. A mismatch always stops the install.
verify_checksum() {
    local binary_file=$1
    local version=$2
    local asset_name
    asset_name=$(basename "$binary_file")
    local checksum_url="https://github.com/${REPO_OWNER}/${REPO_NAME}/releases/download/cli@${version}/checksums.txt"
    local temp_checksum="/tmp/devtools-checksums-$$.txt"
    
    print_info "Verifying checksum..."
    
    local fetched=1
    if command -v curl &> /dev/null; then
        curl -fsSL -o "$temp_checksum" "$checksum_url" 2>/dev/null || fetched=0
    elif command -v wget &> /dev/null; then
        wget -q -O "$temp_checksum" "$checksum_url" 2>/dev/null || fetched=0
    else
        fetched=0
    fi
    if [ "$fetched" != 1 ]; then
        rm -f "$temp_checksum"
        print_info "No checksums.txt published for cli@${version}; skipping checksum verification."
        return 0
    fi
    
    local expected_checksum
    expected_checksum=$(awk -v f="$asset_name" '$2 == f || $2 == "*" f { print $1; exit }' "$temp_checksum")
    rm -f "$temp_checksum"
    if [ -z "$expected_checksum" ]; then
        print_info "checksums.txt has no entry for ${asset_name}; skipping checksum verification."
        return 0
    fi
    
    local actual_checksum
    if command -v sha256sum &> /dev/null; then
        actual_checksum=$(sha256sum "$binary_file" | awk '{print $1}')
    elif command -v shasum &> /dev/null; then
        actual_checksum=$(shasum -a 256 "$binary_file" | awk '{print $1}')
    else
        print_info "Neither sha256sum nor shasum found; skipping checksum verification."
        return 0
    fi
    
    if [ "$expected_checksum" != "$actual_checksum" ]; then
        rm -f "$binary_file"
        print_error "Checksum verification failed for ${asset_name} (expected ${expected_checksum}, got ${actual_checksum})"
        exit 1
    fi
    print_success "Checksum verified"
}

install_binary() {
    local binary_file=$1
    local install_path="${INSTALL_DIR}/${BINARY_NAME}"
    
    # Check if we need sudo
    local sudo_cmd=""
    if [ ! -w "$INSTALL_DIR" ]; then
        if command -v sudo &> /dev/null; then
            sudo_cmd="sudo"
            print_info "Administrator privileges required to install to $INSTALL_DIR"
        else
            print_error "Cannot write to $INSTALL_DIR and sudo is not available"
            exit 1
        fi
    fi
    
    # Create install directory if it doesn't exist
    if [ ! -d "$INSTALL_DIR" ]; then
        $sudo_cmd mkdir -p "$INSTALL_DIR" || {
            print_error "Failed to create installation directory"
            exit 1
        }
    fi
    
    # Install the binary
    $sudo_cmd mv "$binary_file" "$install_path" || {
        print_error "Failed to install binary"
        exit 1
    }
    
    # Make it executable
    $sudo_cmd chmod +x "$install_path" || {
        print_error "Failed to make binary executable"
        exit 1
    }
    
    print_success "DevTools CLI installed successfully to $install_path"
}

check_prerequisites() {
    # Check for curl or wget
    if ! command -v curl &> /dev/null && ! command -v wget &> /dev/null; then
        print_error "Neither curl nor wget found. Please install one of them."
        exit 1
    fi
}

print_usage() {
    echo "Usage: $0 [OPTIONS]"
    echo "Options:"
    echo "  -v, --version VERSION    Install a specific version (e.g., 1.2.3)"
    echo "  -h, --help              Show this help message"
    echo ""
    echo "Environment variables:"
    echo "  INSTALL_DIR             Installation directory (default: /usr/local/bin)"
    echo ""
    echo "Examples:"
    echo "  $0                      # Install latest version"
    echo "  $0 -v 1.2.3            # Install version 1.2.3"
    echo "  INSTALL_DIR=~/.local/bin $0    # Install to custom directory"
}

main() {
    local requested_version=""
    
    # Parse command line arguments
    while [[ $# -gt 0 ]]; do
        case $1 in
            -v|--version)
                requested_version="$2"
                if [ -z "$requested_version" ]; then
                    print_error "Version not specified"
                    print_usage
                    exit 1
                fi
                shift 2
                ;;
            -h|--help)
                print_usage
                exit 0
                ;;
            *)
                print_error "Unknown option: $1"
                print_usage
                exit 1
                ;;
        esac
    done
    
    print_info "DevTools CLI Installer"
    
    check_prerequisites
    
    # Detect platform
    local platform=$(detect_platform)
    print_info "Detected platform: $platform"
    
    # Get version (latest or specified)
    local version=$(get_version "$requested_version")
    # get_version runs in a subshell, so its `exit 1` cannot stop the script;
    # it has already printed the reason, so just stop here.
    if [ -z "$version" ]; then
        exit 1
    fi
    if [ -n "$requested_version" ]; then
        print_info "Installing version: $version"
    else
        print_info "Latest version: $version"
    fi
    
    # Download binary
    local binary_file=$(download_binary "$version" "$platform")
    
    # Verify checksum if possible
    verify_checksum "$binary_file" "$version" "$platform"
    
    # Install binary
    install_binary "$binary_file"
    
    # Verify installation
    if command -v "$BINARY_NAME" &> /dev/null; then
        print_success "Installation complete! Run '${BINARY_NAME} version' to verify."
    else
        print_info "Installation complete! You may need to add ${INSTALL_DIR} to your PATH."
        print_info "Run 'export PATH=\$PATH:${INSTALL_DIR}' to add it to your current session."
    fi
}

# Run main function
main "$@"