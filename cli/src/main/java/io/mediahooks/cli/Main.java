package io.mediahooks.cli;

/** Entry point of {@code mediahooks-cli.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(CliContext.system(), args));
    }
}
