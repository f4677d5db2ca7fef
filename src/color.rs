//! Whether to use colour, decided once at start-up from the command line,
//! the config file and the environment. A pure function of its inputs, so
//! the precedence is tested without touching the process environment.
//!
//! Precedence, first that speaks wins:
//! 1. `--color always|never` on the command line;
//! 2. `color = "always"|"never"` in the config file;
//! 3. `NO_COLOR` set and not empty: no colour (<https://no-color.org>);
//! 4. `CLICOLOR_FORCE` set, not empty and not `0`: colour even into a pipe;
//! 5. otherwise colour exactly when the output is a terminal.
//!
//! `auto`, in the flag or the file, defers to the next step.

/// The values of `--color` and of the config file's `color`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The colour-related environment, read once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColorEnv {
    pub no_color: bool,
    pub clicolor_force: bool,
}

impl ColorEnv {
    pub fn from_process() -> ColorEnv {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        ColorEnv {
            no_color: var("NO_COLOR").is_some(),
            clicolor_force: var("CLICOLOR_FORCE").is_some_and(|v| v != "0"),
        }
    }
}

/// What the user asked for: on the command line and in the config file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColorPrefs {
    pub flag: Option<ColorChoice>,
    pub config: Option<ColorChoice>,
}

impl ColorPrefs {
    /// Whether output to a terminal (or not) gets colour, given the
    /// process's environment.
    pub fn decide(self, is_terminal: bool) -> bool {
        use_color(
            self.flag,
            self.config,
            ColorEnv::from_process(),
            is_terminal,
        )
    }
}

/// Whether output going to a terminal (`is_terminal`) or not gets colour.
pub fn use_color(
    flag: Option<ColorChoice>,
    config: Option<ColorChoice>,
    env: ColorEnv,
    is_terminal: bool,
) -> bool {
    for choice in [flag, config].into_iter().flatten() {
        match choice {
            ColorChoice::Always => return true,
            ColorChoice::Never => return false,
            ColorChoice::Auto => {}
        }
    }
    if env.no_color {
        return false;
    }
    env.clicolor_force || is_terminal
}

#[cfg(test)]
mod tests {
    use super::ColorChoice::{Always, Auto, Never};
    use super::*;

    const PLAIN: ColorEnv = ColorEnv {
        no_color: false,
        clicolor_force: false,
    };
    const NO_COLOR: ColorEnv = ColorEnv {
        no_color: true,
        clicolor_force: false,
    };
    const FORCE: ColorEnv = ColorEnv {
        no_color: false,
        clicolor_force: true,
    };
    const BOTH: ColorEnv = ColorEnv {
        no_color: true,
        clicolor_force: true,
    };

    #[test]
    fn auto_follows_the_terminal() {
        assert!(use_color(None, None, PLAIN, true));
        assert!(!use_color(None, None, PLAIN, false));
        assert!(use_color(Some(Auto), Some(Auto), PLAIN, true));
    }

    #[test]
    fn the_environment_speaks_when_nothing_else_does() {
        assert!(!use_color(None, None, NO_COLOR, true));
        assert!(use_color(None, None, FORCE, false));
        // Asking for no colour is the safer of the two.
        assert!(!use_color(None, None, BOTH, false));
    }

    #[test]
    fn the_flag_wins_over_everything() {
        for env in [PLAIN, NO_COLOR, FORCE, BOTH] {
            for tty in [true, false] {
                for config in [None, Some(Auto), Some(Always), Some(Never)] {
                    assert!(use_color(Some(Always), config, env, tty));
                    assert!(!use_color(Some(Never), config, env, tty));
                }
            }
        }
    }

    #[test]
    fn the_config_file_wins_over_the_environment() {
        assert!(use_color(None, Some(Always), NO_COLOR, false));
        assert!(!use_color(None, Some(Never), FORCE, true));
        assert!(!use_color(Some(Auto), Some(Never), PLAIN, true));
    }
}
