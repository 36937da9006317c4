package dev.warden.bench.loadgen;

import dev.warden.bench.loadgen.backbone.BackboneCommand;
import dev.warden.bench.loadgen.backbone.BackboneResults;
import dev.warden.bench.loadgen.profile.Hotspots;
import dev.warden.bench.loadgen.report.ReportCommand;
import java.io.IOException;
import java.io.PrintStream;

/** Entry point: parse, probe the target, run the chosen mode, write the report, map outcomes to exit codes. */
public final class Main {

    static final int EXIT_OK = 0;
    static final int EXIT_INTERNAL_FAILURE = 1;
    static final int EXIT_BAD_ARGUMENTS = 2;
    static final int EXIT_TARGET_UNREACHABLE = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A command that reads files instead of sending load: report, hotspots. */
    @FunctionalInterface
    private interface FileCommand {
        void run(String[] args) throws IOException;
    }

    private static int runFileCommand(FileCommand command, String[] args, PrintStream err) {
        try {
            command.run(args);
            return EXIT_OK;
        } catch (IllegalArgumentException e) {
            err.println("loadgen: " + e.getMessage());
            return EXIT_BAD_ARGUMENTS;
        } catch (IOException e) {
            err.println("loadgen: " + args[0] + " failed: " + e);
            return EXIT_INTERNAL_FAILURE;
        }
    }

    private static int runBackbone(String[] args, PrintStream out, PrintStream err) {
        try {
            BackboneCommand.run(args, out);
            return EXIT_OK;
        } catch (IllegalArgumentException e) {
            err.println("loadgen: " + e.getMessage());
            return EXIT_BAD_ARGUMENTS;
        } catch (Exception e) {
            err.println("loadgen: backbone failed: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL_FAILURE;
        }
    }

    /** Everything but the process exit, so tests can drive the whole command line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals(ReportCommand.NAME)) {
            return runFileCommand(ReportCommand::run, args, err);
        }
        if (args.length > 0 && args[0].equals(Hotspots.NAME)) {
            return runFileCommand(Hotspots::run, args, err);
        }
        if (args.length > 0 && args[0].equals(BackboneResults.NAME)) {
            return runFileCommand(BackboneResults::run, args, err);
        }
        if (args.length > 0 && args[0].equals(BackboneCommand.NAME)) {
            return runBackbone(args, out, err);
        }
        Command.Load command;
        TargetRequest target;
        try {
            Command parsed = CommandLine.parse(args);
            if (!(parsed instanceof Command.Load load)) {
                out.print(CommandLine.USAGE);
                return EXIT_OK;
            }
            command = load;
            target = TargetRequest.from(command.common());
        } catch (UsageException e) {
            err.println("loadgen: " + e.getMessage());
            err.println();
            err.print(CommandLine.USAGE);
            return EXIT_BAD_ARGUMENTS;
        }

        Command.Common common = command.common();
        try (LoadDriver driver = new LoadDriver(target, common.label(), common.connections(), common.timeout())) {
            int probeStatus = driver.probe();
            if (probeStatus / 100 != 2) {
                err.println("loadgen: warning: probe of " + target.url() + " answered HTTP " + probeStatus
                        + "; continuing, such responses are counted as errors");
            }
            Object report = command instanceof Command.Run run
                    ? RunMode.execute(run, driver, out)
                    : SaturationSearch.execute((Command.Saturate) command, driver, out);
            ReportWriter.write(report, common.out(), out);
            return EXIT_OK;
        } catch (TargetUnreachableException e) {
            err.println("loadgen: " + e.getMessage());
            return EXIT_TARGET_UNREACHABLE;
        } catch (IOException e) {
            err.println("loadgen: cannot write the report: " + e);
            return EXIT_INTERNAL_FAILURE;
        } catch (RuntimeException e) {
            err.println("loadgen: internal failure: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL_FAILURE;
        }
    }
}
