// `godel completion SHELL`: prints a script that asks `godel` itself for completions (System.CommandLine's [suggest]).
using System.CommandLine;

namespace Godel.Cli.Verbs;

internal static class CompletionVerb
{
    private static readonly string[] Shells = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh, fish or pwsh" };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Print the shell completion script, e.g. `source <(godel completion bash)`.");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            console.Out.Write(Script(parse.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    // Each script passes the whole line and the cursor position to `godel [suggest:N]`, which prints one candidate per line.
    private static string Script(string shell) => shell switch
    {
        "bash" => """
            # godel completion for bash: add `source <(godel completion bash)` to ~/.bashrc
            _godel_complete() {
                local IFS=$'\n'
                COMPREPLY=( $(godel "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
            }
            complete -o default -F _godel_complete godel

            """,
        "zsh" => """
            # godel completion for zsh: add `source <(godel completion zsh)` to ~/.zshrc
            _godel_complete() {
                local -a candidates
                candidates=("${(@f)$(godel "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
                compadd -- $candidates
            }
            compdef _godel_complete godel

            """,
        "fish" => """
            # godel completion for fish: godel completion fish > ~/.config/fish/completions/godel.fish
            complete -c godel -f -a '(set -l line (commandline -cp); godel "[suggest:"(string length -- $line)"]" "$line" 2>/dev/null)'

            """,
        _ => """
            # godel completion for PowerShell: add `godel completion pwsh | Out-String | Invoke-Expression` to $PROFILE
            Register-ArgumentCompleter -Native -CommandName godel -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                godel "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
