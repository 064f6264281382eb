#!/usr/bin/env node

/**
 * Post-install onboarding for nansen-cli.
 *
 * Runs after `npm install -g nansen-cli` and offers two optional steps:
 *   1. Install the Nansen AI coding skill (`npx skills add nansen-ai/nansen-cli`)
 *   2. Check account status to verify the effective credential (0 credits)
 *
 * Non-interactive environments (CI, piped stdin) get a one-liner tip instead.
 * Always exits 0 — onboarding failures must never break installation.
 */

import { createInterface } from "readline";
import { execFileSync, spawn } from "child_process";
import { existsSync } from "fs";
import { join, dirname } from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { resolveCredential, assertUsableSelection } from "../src/auth-credentials.js";

const __dirname = dirname(fileURLToPath(import.meta.url));

const BOLD = "\x1b[1m";
const DIM = "\x1b[2m";
const GREEN = "\x1b[32m";
const YELLOW = "\x1b[33m";
const CYAN = "\x1b[36m";
const RESET = "\x1b[0m";

const SKILL_REPO = "nansen-ai/nansen-cli";
const TEST_QUERY = ["account"];
const TEST_QUERY_DISPLAY = "nansen account";

// Path to the CLI entry point (works even if `nansen` bin isn't linked yet)
const CLI_ENTRY = join(__dirname, "..", "src", "index.js");

function log(msg = "") {
  process.stderr.write(`  ${msg}\n`);
}

function hasTTY() {
  return process.stdin.isTTY && process.stderr.isTTY;
}

// npx is a .cmd shim on Windows, and Node refuses to spawn .cmd/.bat without a
// shell (CVE-2024-27980). Go through cmd.exe explicitly rather than enabling
// `shell: true`, which would hand the whole command line to the shell parser.
const IS_WIN = process.platform === "win32";

function npxInvocation(args) {
  return IS_WIN ? ["cmd.exe", ["/c", "npx", ...args]] : ["npx", args];
}

function hasNpx() {
  try {
    const [cmd, cmdArgs] = npxInvocation(["--version"]);
    execFileSync(cmd, cmdArgs, { stdio: "ignore", shell: false });
    return true;
  } catch {
    return false;
  }
}

function isSkillInstalled() {
  const home = process.env.HOME || process.env.USERPROFILE || "";
  const locations = [
    join(home, ".claude", "skills", "nansen-cli"),
    join(home, ".claude", "skills", "nansen-ai--nansen-cli"),
  ];
  return locations.some((loc) => existsSync(loc));
}

function prompt(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    rl.on("close", () => { if (!answered) resolve(""); });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer.trim());
    });
  });
}

function runCommand(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", shell: false });
    child.on("close", (code) => resolve(code === 0));
    child.on("error", () => resolve(false));
  });
}

async function installSkill() {
  if (isSkillInstalled()) {
    log(`${GREEN}✓${RESET} Nansen skill already installed.`);
    return;
  }

  if (!hasNpx()) {
    log(`${DIM}Tip: Run 'npx skills add ${SKILL_REPO}' to install the Nansen AI coding skill.${RESET}`);
    return;
  }

  log(`The Nansen skill lets AI coding agents (Cursor, Claude Code, etc.) query`);
  log(`on-chain data, track smart money, analyze tokens, and use nansen trade.`);
  const answer = await prompt(`  Install Nansen skill for your AI coding agent? [Y/n] `);

  if (/^n/i.test(answer)) {
    log(`Skipped. You can install it later with: ${CYAN}npx skills add ${SKILL_REPO}${RESET}`);
    return;
  }

  log(`Installing Nansen skill...`);
  const ok = await runCommand(...npxInvocation(["-y", "skills", "add", SKILL_REPO]));
  if (!ok) {
    log(`${YELLOW}Skill installation failed. You can retry with: npx skills add ${SKILL_REPO}${RESET}`);
  }
}

async function testQuery() {
  // Selection reads metadata only. Never open storage or verify during install.
  const selection = resolveCredential();
  try {
    assertUsableSelection(selection);
  } catch {
    log(`Saved or selected authentication needs attention. Run: nansen auth status`);
    return;
  }
  if (selection.kind === "anonymous") {
    log();
    log(`Run ${CYAN}nansen login${RESET} for browser approval, or use NANSEN_API_KEY directly.`);
    log(`Browser login requires a supported OS credential store and enabled server admission. See docs/browser-login.md in this package.`);
    return;
  }

  log();
  log(selection.kind === "session"
    ? `A browser session is configured; cached metadata is unverified and storage has not been checked.`
    : `An API key is configured; it has not been verified.`);
  const answer = await prompt(`  Check account status? (${DIM}${TEST_QUERY_DISPLAY}${RESET}, free; may renew a session) [y/N] `);

  if (!/^y(es)?$/i.test(answer)) {
    log(`Skipped account verification. Run ${CYAN}nansen account${RESET} when ready.`);
    return;
  }

  log(`Running: ${DIM}${TEST_QUERY_DISPLAY}${RESET}`);
  log();
  // Use process.execPath + CLI_ENTRY so it works even if `nansen` bin isn't linked yet
  const ok = await runCommand(process.execPath, [CLI_ENTRY, ...TEST_QUERY, "--pretty"]);
  if (ok) {
    log();
    log(`${GREEN}✓${RESET} All set! Run ${CYAN}nansen help${RESET} to see all available commands.`);
  } else {
    log();
    log(`${YELLOW}Account check failed. Inspect the effective credential with: nansen auth status${RESET}`);
  }
}

export async function main() {
  // Only run for global installs; skip local npm install / npm ci
  if (process.env.npm_lifecycle_event === "postinstall" && process.env.npm_config_global !== "true") {
    return;
  }

  log();

  if (!hasTTY()) {
    log(`${BOLD}Nansen CLI installed!${RESET}`);
    log();
    log(`Tip: Run '${CYAN}npx skills add ${SKILL_REPO}${RESET}' to install the Nansen AI coding skill.`);
    log(`Tip: Run '${CYAN}nansen login${RESET}' for browser approval, or use NANSEN_API_KEY directly.`);
    log(`Tip: To trade, first create a wallet with '${CYAN}nansen wallet create${RESET}', then quote with '${CYAN}nansen trade quote --chain solana --from SOL --to USDC --amount 1000000000${RESET}' and execute with '${CYAN}nansen trade execute --quote <id>${RESET}'.`);
    return;
  }

  log(`${BOLD}Nansen CLI installed!${RESET}`);
  log();

  await installSkill();
  await testQuery();

  log();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch(() => {
    // Never fail installation due to onboarding errors
  });
}
