using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen;
using Spectre.Console;

namespace VanishingGradientsSample;

/// <summary>The console tables: one per network, then a summary.</summary>
internal static class ConsoleReport
{
    /// <summary>Per hidden layer: the speed of learning at initialization, after the first and the last epoch, and the monitor's weight-gradient norms.</summary>
    public static void WriteNetwork(ExperimentResult result)
    {
        SpeedSnapshot init = result.AtInitialization, first = result.Speeds[1], last = result.Speeds[^1];
        GradientSample firstStep = result.Gradients[0], lastStep = result.Gradients[^1];
        var table = new Table()
            .Title($"[bold]{Markup.Escape(result.Contender.Name)}[/]: {Markup.Escape(result.Contender.Description)}")
            .AddColumn("hidden layer")
            .AddColumn(new TableColumn("‖∂C/∂b‖ at init").RightAligned())
            .AddColumn(new TableColumn($"after {first.Label}").RightAligned())
            .AddColumn(new TableColumn($"after {last.Label}").RightAligned())
            .AddColumn(new TableColumn($"‖∂C/∂W‖ step {firstStep.Step}").RightAligned())
            .AddColumn(new TableColumn($"‖∂C/∂W‖ step {lastStep.Step}").RightAligned());
        for (int l = 0; l < result.HiddenLayers.Count; l++)
        {
            table.AddRow(
                result.HiddenLayerLabel(l), Number(init.BiasGradientNorms[l]), Number(first.BiasGradientNorms[l]), Number(last.BiasGradientNorms[l]),
                Number(firstStep.WeightGradientNorms[l]), Number(lastStep.WeightGradientNorms[l]));
        }
        table.AddRow(
            "[italic]last / first[/]", Ratio(init.LastOverFirst), Ratio(first.LastOverFirst), Ratio(last.LastOverFirst),
            Ratio(firstStep.WeightGradientNorms[^1] / firstStep.WeightGradientNorms[0]), Ratio(lastStep.WeightGradientNorms[^1] / lastStep.WeightGradientNorms[0]));
        string accuracies = string.Join(", ", result.Epochs.Select(e => Percent(e.ValidationAccuracy)));
        string warnings = result.Warnings.Count == 0 ? "none" : string.Join(", ", result.DistinctWarnings);
        table.Caption($"test accuracy by epoch: {accuracies}; monitor warnings: {Markup.Escape(warnings)}; {result.Elapsed.TotalSeconds:F1} s");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine();
    }

    /// <summary>One row per network: the first and last hidden layers' speeds at initialization, their ratio, and the accuracies.</summary>
    public static void WriteSummary(IReadOnlyList<ExperimentResult> results)
    {
        var table = new Table()
            .Title("[bold]Summary[/]: speed of learning ‖∂C/∂b‖ at initialization (first 1,000 training images) and test accuracy")
            .AddColumn("network")
            .AddColumn(new TableColumn("hidden layers").RightAligned())
            .AddColumn(new TableColumn("first layer").RightAligned())
            .AddColumn(new TableColumn("last hidden").RightAligned())
            .AddColumn(new TableColumn("last / first").RightAligned())
            .AddColumn(new TableColumn("last / first, trained").RightAligned())
            .AddColumn(new TableColumn("accuracy, epoch 1").RightAligned())
            .AddColumn(new TableColumn($"accuracy, epoch {results[0].Epochs.Count}").RightAligned());
        foreach (ExperimentResult result in results)
        {
            SpeedSnapshot init = result.AtInitialization;
            table.AddRow(
                Markup.Escape(result.Contender.Name), result.HiddenLayers.Count.ToString(CultureInfo.InvariantCulture),
                Number(init.BiasGradientNorms[0]), Number(init.BiasGradientNorms[^1]), Ratio(init.LastOverFirst),
                Ratio(result.Speeds[^1].LastOverFirst), Percent(result.Epochs[0].ValidationAccuracy), $"[bold]{Percent(result.FinalAccuracy)}[/]");
        }
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// The pretraining experiment side by side: per hidden layer, the speed of learning (‖∂C/∂b‖) and the monitor's
    /// weight-gradient norm at the start of fine-tuning, (a) from the random start and (b) after pretraining, and (b)'s
    /// reconstruction errors; the test accuracies below.
    /// </summary>
    public static void WritePretraining(ExperimentResult randomStart, ExperimentResult pretrained, PretrainingExperiment experiment)
    {
        PretrainingResult pretraining = experiment.Pretraining
            ?? throw new System.InvalidOperationException("The pretrained network has not been created: run the experiment first.");
        SpeedSnapshot a = randomStart.AtInitialization, b = pretrained.AtInitialization;
        GradientSample gradientsA = randomStart.Gradients[0], gradientsB = pretrained.Gradients[0];
        var table = new Table()
            .Title("[bold]Greedy layer-wise pretraining[/] (Bengio et al. 2007): (a) random start, (b) pretrained; at the start of fine-tuning")
            .AddColumn("hidden layer")
            .AddColumn(new TableColumn("‖∂C/∂b‖ (a)").RightAligned())
            .AddColumn(new TableColumn("‖∂C/∂b‖ (b)").RightAligned())
            .AddColumn(new TableColumn($"‖∂C/∂W‖ (a), step {gradientsA.Step}").RightAligned())
            .AddColumn(new TableColumn($"‖∂C/∂W‖ (b), step {gradientsB.Step}").RightAligned())
            .AddColumn(new TableColumn("reconstruction error (b): before, after").RightAligned());
        for (int l = 0; l < randomStart.HiddenLayers.Count; l++)
        {
            IReadOnlyList<double> errors = pretraining.Layers[l].ReconstructionErrors;
            table.AddRow(
                randomStart.HiddenLayerLabel(l), Number(a.BiasGradientNorms[l]), Number(b.BiasGradientNorms[l]),
                Number(gradientsA.WeightGradientNorms[l]), Number(gradientsB.WeightGradientNorms[l]), $"{Number(errors[0])}, {Number(errors[^1])}");
        }
        table.AddRow(
            "[italic]last / first[/]", Ratio(a.LastOverFirst), Ratio(b.LastOverFirst),
            Ratio(gradientsA.WeightGradientNorms[^1] / gradientsA.WeightGradientNorms[0]),
            Ratio(gradientsB.WeightGradientNorms[^1] / gradientsB.WeightGradientNorms[0]), "");
        PretrainingOptions options = PretrainingExperiment.Options(randomStart.Recipe.Seed);
        table.Caption(
            $"test accuracy by epoch, (a): {string.Join(", ", randomStart.Epochs.Select(e => Percent(e.ValidationAccuracy)))}; " +
            $"(b): {string.Join(", ", pretrained.Epochs.Select(e => Percent(e.ValidationAccuracy)))}. " +
            $"Pretraining: {options.EpochsPerLayer} epochs per layer, SGD step {options.LearningRate}, batch {options.BatchSize}, " +
            $"{options.Corruption:P0} of the inputs masked, tied weights, {Markup.Escape(string.Join("/", pretraining.Layers.Select(l => l.Loss).Distinct()))}; " +
            $"{experiment.PretrainingTime.TotalSeconds:F1} s");
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// He et al.'s rectifier experiment: per network, the first layer's gradient relative to the last's as NetGen predicts it
    /// at compile time and as measured at initialization, and the outcome after the budget, beside the published statement.
    /// </summary>
    public static void WriteRectifiers(IReadOnlyList<RectifierResult> results)
    {
        Recipe recipe = results[0].Recipe;
        var table = new Table()
            .Title("[bold]Delving deep into rectifiers[/] (He et al. 2015, Fig. 3; He et al. 2016): first layer's gradient relative to the last's, at initialization")
            .AddColumn("network")
            .AddColumn("first, last")
            .AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("measured").RightAligned())
            .AddColumn(new TableColumn("pred./meas.").RightAligned())
            .AddColumn(new TableColumn("‖∂C/∂W‖ step 0").RightAligned())
            .AddColumn(new TableColumn("train loss, start → end").RightAligned())
            .AddColumn(new TableColumn($"test loss, accuracy").RightAligned())
            .AddColumn("published");
        foreach (RectifierResult result in results)
        {
            table.AddRow(
                Markup.Escape(result.Contender.Name), $"{result.FirstLayer}, {result.LastLayer}",
                Ratio(result.PredictedFirstOverLast), Ratio(result.MeasuredFirstOverLast), Ratio(result.PredictedOverMeasured),
                Ratio(result.WeightGradientFirstOverLast),
                $"{Number(result.Losses[0].Loss)} → {Number(result.FinalTrainingLoss)}",
                $"{Number(result.FinalValidationLoss)}, [bold]{Percent(result.FinalAccuracy)}[/]",
                Markup.Escape(Published(result.Contender)));
        }
        string warnings = string.Join("; ", results.Select(r =>
            $"{r.Contender.Name}: {(r.Warnings.Count == 0 ? "none" : string.Join(", ", r.DistinctWarnings))}"));
        table.Caption(
            "First and last: the first and last convolution. Predicted: NetGen's compile-time LayerInfo.PredictedGradient (the root " +
            "mean square of ∂C/∂z per unit) of the first over the last's; measured: the same at initialization, the monitor's " +
            "PreActivationGradientRms over the first 1,000 training images in batches of the recipe's size; ‖∂C/∂W‖: the " +
            "monitor's weight-gradient norm of the first convolution over the last's. " +
            $"Train loss: mean over the first and the last {RectifierExperiment.LossWindow} batches. " +
            "[[1]] He, Zhang, Ren, Sun 2015, \"Delving deep into rectifiers\", Fig. 3; [[2]] He, Zhang, Ren, Sun 2016, \"Deep residual learning\". " +
            $"{Markup.Escape(recipe.Describe())}. Monitor warnings: {Markup.Escape(warnings)}. " +
            $"Times: {string.Join(", ", results.Select(r => $"{r.Elapsed.TotalSeconds:F1} s"))}");
        AnsiConsole.Write(table);
    }

    private static string Published(Contender contender) =>
        contender == RectifierExperiment.Glorot ? "Xavier, 30 layers: stalls [1]"
        : contender == RectifierExperiment.He ? "He, 30 layers: converges [1]"
        : "residual + BN: trains deeper [2]";

    public static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value >= 1e4 || value < 1e-2
        ? value.ToString("0.0E+0", CultureInfo.InvariantCulture) + "x"
        : value.ToString("G3", CultureInfo.InvariantCulture) + "x";

    public static string Percent(double? value) => value is double v ? v.ToString("P1", CultureInfo.InvariantCulture) : "-";
}
