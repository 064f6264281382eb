package selfupdate

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

const (
	RepoOwner = "kkauto-net"
	RepoName  = "kk-install"
	Binary    = "kk"
)

// Release represents a GitHub release
type Release struct {
	TagName string  `json:"tag_name"`
	Assets  []Asset `json:"assets"`
}

// Asset represents a release asset
type Asset struct {
	Name               string `json:"name"`
	BrowserDownloadURL string `json:"browser_download_url"`
}

// UpdateResult contains the result of an update check or operation
type UpdateResult struct {
	CurrentVersion string
	LatestVersion  string
	UpdateNeeded   bool
	DownloadURL    string
	ChecksumURL    string
	AssetName      string
}

// CheckForUpdate checks if a newer version is available
func CheckForUpdate(ctx context.Context, currentVersion string) (*UpdateResult, error) {
	release, err := getLatestRelease(ctx)
	if err != nil {
		return nil, fmt.Errorf("failed to fetch latest release: %w", err)
	}

	result := &UpdateResult{
		CurrentVersion: currentVersion,
		LatestVersion:  release.TagName,
	}

	// Compare versions (strip 'v' prefix)
	current := strings.TrimPrefix(currentVersion, "v")
	latest := strings.TrimPrefix(release.TagName, "v")

	result.UpdateNeeded = latest != current

	// Find the right assets for this platform
	assetName := getAssetName(release.TagName)
	for _, asset := range release.Assets {
		if asset.Name == assetName {
			result.DownloadURL = asset.BrowserDownloadURL
			result.AssetName = asset.Name
		}
		if asset.Name == checksumAssetName {
			result.ChecksumURL = asset.BrowserDownloadURL
		}
	}

	if result.UpdateNeeded && result.DownloadURL == "" {
		return nil, fmt.Errorf("no compatible binary found for %s/%s", runtime.GOOS, runtime.GOARCH)
	}
	if result.UpdateNeeded && result.ChecksumURL == "" {
		return nil, fmt.Errorf("checksum asset %s not found in release %s", checksumAssetName, release.TagName)
	}

	return result, nil
}

// Update downloads and installs the latest version
func Update(ctx context.Context, result *UpdateResult) error {
	if !result.UpdateNeeded {
		return nil
	}

	// Get current binary path
	binaryPath, err := os.Executable()
	if err != nil {
		return fmt.Errorf("failed to get executable path: %w", err)
	}
	binaryPath, err = filepath.EvalSymlinks(binaryPath)
	if err != nil {
		return fmt.Errorf("failed to resolve symlinks: %w", err)
	}

	// Create temp directory
	tmpDir, err := os.MkdirTemp("", "kk-update-*")
	if err != nil {
		return fmt.Errorf("failed to create temp dir: %w", err)
	}
	defer removeAll(tmpDir)

	// Download the archive
	archivePath := filepath.Join(tmpDir, result.AssetName)
	if err := downloadFile(ctx, result.DownloadURL, archivePath); err != nil {
		return fmt.Errorf("failed to download: %w", err)
	}

	checksumPath := filepath.Join(tmpDir, checksumAssetName)
	if err := downloadFile(ctx, result.ChecksumURL, checksumPath); err != nil {
		return fmt.Errorf("failed to download checksum: %w", err)
	}
	if err := verifyChecksum(archivePath, checksumPath, result.AssetName); err != nil {
		return fmt.Errorf("failed to verify checksum: %w", err)
	}

	// Extract the binary
	newBinaryPath := filepath.Join(tmpDir, Binary)
	if err := extractBinary(archivePath, newBinaryPath); err != nil {
		return fmt.Errorf("failed to extract: %w", err)
	}

	// Make it executable
	if err := os.Chmod(newBinaryPath, 0755); err != nil {
		return fmt.Errorf("failed to set permissions: %w", err)
	}

	// Replace the current binary
	if err := replaceBinary(binaryPath, newBinaryPath); err != nil {
		return fmt.Errorf("failed to replace binary: %w%s", err, binaryReplaceHint(binaryPath))
	}

	return nil
}

func getLatestRelease(ctx context.Context) (*Release, error) {
	url := fmt.Sprintf("https://api.github.com/repos/%s/%s/releases/latest", RepoOwner, RepoName)

	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.github.v3+json")

	client := &http.Client{Timeout: 30 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer closeReader(resp.Body)

	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GitHub API returned status %d", resp.StatusCode)
	}

	var release Release
	if err := json.NewDecoder(resp.Body).Decode(&release); err != nil {
		return nil, err
	}

	return &release, nil
}

func getAssetName(version string) string {
	os := runtime.GOOS
	arch := runtime.GOARCH

	// Version without 'v' prefix
	ver := strings.TrimPrefix(version, "v")

	return fmt.Sprintf("kkcli_%s_%s_%s.tar.gz", ver, os, arch)
}

func downloadFile(ctx context.Context, url, dest string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}

	client := &http.Client{Timeout: 5 * time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer closeReader(resp.Body)

	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("download failed with status %d", resp.StatusCode)
	}

	out, err := os.Create(dest)
	if err != nil {
		return err
	}
	defer closeReader(out)

	_, err = io.Copy(out, resp.Body)
	return err
}

func extractBinary(archivePath, destPath string) error {
	f, err := os.Open(archivePath)
	if err != nil {
		return err
	}
	defer closeReader(f)

	gzr, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	defer closeReader(gzr)

	tr := tar.NewReader(gzr)

	for {
		header, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}

		// Look for the binary
		if header.Name == Binary || filepath.Base(header.Name) == Binary {
			out, err := os.Create(destPath)
			if err != nil {
				return err
			}
			defer closeReader(out)

			_, err = io.Copy(out, tr)
			return err
		}
	}

	return fmt.Errorf("binary not found in archive")
}

func binaryReplaceHint(binaryPath string) string {
	if strings.Contains(binaryPath, "node_modules/@kkauto/kkcli") {
		return "; try: npm install -g @kkauto/kkcli@latest"
	}
	return ""
}

var (
	osRenameFn = os.Rename
	copyFileFn = copyFileAtomic
)

func isCrossDeviceError(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.EXDEV) {
		return true
	}
	return strings.Contains(strings.ToLower(err.Error()), "cross-device")
}

func copyFileAtomic(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer closeReader(in)

	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}

	if _, err := io.Copy(out, in); err != nil {
		closeReader(out)
		return err
	}
	if err := out.Sync(); err != nil {
		closeReader(out)
		return err
	}
	return out.Close()
}

func moveOrCopyFile(dst, src string) error {
	if err := osRenameFn(src, dst); err != nil {
		if !isCrossDeviceError(err) {
			return err
		}
		if err := copyFileFn(dst, src); err != nil {
			return err
		}
		if err := os.Remove(src); err != nil {
			return err
		}
	}
	return nil
}

func replaceBinary(oldPath, newPath string) error {
	// Check if we have write permission
	dir := filepath.Dir(oldPath)
	if !isWritable(dir) {
		// Need sudo
		return replaceBinaryWithSudo(oldPath, newPath)
	}

	// Backup old binary
	backupPath := oldPath + ".old"
	if err := osRenameFn(oldPath, backupPath); err != nil {
		if !isCrossDeviceError(err) {
			return err
		}
		if err := copyFileFn(backupPath, oldPath); err != nil {
			return err
		}
		if err := os.Remove(oldPath); err != nil {
			return err
		}
	}

	// Move new binary into place (copy across filesystems when needed).
	if err := moveOrCopyFile(oldPath, newPath); err != nil {
		if restoreErr := moveOrCopyFile(oldPath, backupPath); restoreErr != nil {
			return fmt.Errorf("move new binary: %w; restore backup: %v", err, restoreErr)
		}
		return err
	}

	// Remove backup
	if err := os.Remove(backupPath); err != nil {
		fmt.Fprintf(os.Stderr, "Warning: updated binary but failed to remove backup %s: %v\n", backupPath, err)
	}
	return nil
}

func replaceBinaryWithSudo(oldPath, newPath string) error {
	// Print newline before sudo prompt for better formatting
	fmt.Println()

	// Use sudo to replace the binary
	cmd := exec.Command("sudo", "mv", newPath, oldPath)
	cmd.Stdin = os.Stdin
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr

	if err := cmd.Run(); err != nil {
		return fmt.Errorf("sudo mv failed: %w", err)
	}

	// Set permissions
	cmd = exec.Command("sudo", "chmod", "755", oldPath)
	return cmd.Run()
}

func isWritable(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}

	// Check if current user can write
	if info.Mode().Perm()&0200 != 0 {
		// Try to create a temp file
		tmpFile := filepath.Join(path, ".kk-write-test")
		f, err := os.Create(tmpFile)
		if err != nil {
			return false
		}
		if err := f.Close(); err != nil {
			removeFile(tmpFile)
			return false
		}
		if err := os.Remove(tmpFile); err != nil {
			return false
		}
		return true
	}

	return false
}

func closeReader(closer io.Closer) {
	if err := closer.Close(); err != nil {
		return
	}
}

func removeAll(path string) {
	if err := os.RemoveAll(path); err != nil {
		return
	}
}

func removeFile(path string) {
	if err := os.Remove(path); err != nil {
		return
	}
}
