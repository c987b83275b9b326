using System.Globalization;
using System.Runtime.InteropServices;

namespace OmniPos.Models.Xgboost;

/// <summary>
/// A gradient-boosted model: trained from a matrix (with early stopping on a validation matrix), used to predict, and
/// saved to or loaded from XGBoost's JSON model format. Predictions on one booster are serialized, because XGBoost hands
/// back memory the next call on the booster reuses.
/// </summary>
internal sealed unsafe class XgboostBooster : IDisposable
{
    private const string PredictValues = """{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}""";
    private const string JsonFormat = """{"format": "json"}""";

    private readonly Lock _gate = new();
    private readonly BoosterHandle _handle;

    private XgboostBooster(BoosterHandle handle) => _handle = handle;

    public int BoostedRounds
    {
        get
        {
            NativeMethods.Check(NativeMethods.XGBoosterBoostedRounds(_handle, out var rounds), "count a booster's rounds");
            return rounds;
        }
    }

    public int FeatureCount
    {
        get
        {
            NativeMethods.Check(NativeMethods.XGBoosterGetNumFeature(_handle, out var features), "count a booster's features");
            return (int)features;
        }
    }

    public static string LibraryVersion()
    {
        NativeMethods.XGBoostVersion(out var major, out var minor, out var patch);
        return $"{major}.{minor}.{patch}";
    }

    /// <summary>
    /// Boosts up to <see cref="BoosterSettings.Rounds"/> rounds on <paramref name="train"/>. With a validation matrix,
    /// its metric (the last <c>eval_metric</c>) is recorded each round, and with early stopping training ends once it has
    /// not improved for that many rounds; the booster returned then holds only the rounds up to the best one.
    /// </summary>
    public static (XgboostBooster Booster, TrainingReport Report) Train(
        XgboostMatrix train, XgboostMatrix? validation, BoosterSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Rounds);
        if (settings.EarlyStoppingRounds is not null && validation is null)
        {
            throw new ArgumentException("Early stopping needs a validation matrix.", nameof(validation));
        }

        var booster = Create(validation is null ? [train] : [train, validation]);
        try
        {
            foreach (var (name, value) in settings.Parameters)
            {
                booster.SetParameter(name, value);
            }

            var report = booster.Boost(train, validation, settings, cancellationToken);
            if (report.BestRound + 1 >= report.RoundsBoosted)
            {
                return (booster, report);
            }

            var best = booster.Slice(report.BestRound + 1);
            booster.Dispose();
            return (best, report);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Loads a model saved by <see cref="Save"/> (or any XGBoost JSON or binary model file).</summary>
    public static XgboostBooster Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var booster = Create([]);
        try
        {
            fixed (byte* buffer = bytes)
            {
                NativeMethods.Check(NativeMethods.XGBoosterLoadModelFromBuffer(booster._handle, buffer, (ulong)bytes.Length), $"load the model {path}");
            }

            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    public void SetParameter(string name, string value) =>
        NativeMethods.Check(NativeMethods.XGBoosterSetParam(_handle, name, value), $"set parameter {name}={value}");

    /// <summary>A text the model carries with it (saved and loaded with the model), or null when it has none by that name.</summary>
    public string? GetAttribute(string key)
    {
        NativeMethods.Check(NativeMethods.XGBoosterGetAttr(_handle, key, out var value, out var found), $"read attribute {key}");
        return found == 0 ? null : Marshal.PtrToStringUTF8(value);
    }

    public void SetAttribute(string key, string value) =>
        NativeMethods.Check(NativeMethods.XGBoosterSetAttr(_handle, key, value), $"set attribute {key}");

    /// <summary>
    /// One prediction per row of <paramref name="matrix"/>, in the objective's output scale. The matrix must have the
    /// model's columns: XGBoost would read absent trailing columns as missing values and predict quietly wrong.
    /// </summary>
    public float[] Predict(XgboostMatrix matrix)
    {
        var features = FeatureCount;
        if (matrix.Columns != features)
        {
            throw new ArgumentException($"The model was trained on {features} columns; this matrix has {matrix.Columns} columns.", nameof(matrix));
        }

        lock (_gate)
        {
            NativeMethods.Check(
                NativeMethods.XGBoosterPredictFromDMatrix(_handle, matrix.Handle, PredictValues, out var shape, out var dimensions, out var result),
                $"predict {matrix.Rows} rows");
            var length = 1UL;
            for (var dimension = 0UL; dimension < dimensions; dimension++)
            {
                length *= shape[dimension];
            }

            return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
        }
    }

    /// <summary>Saves the model as XGBoost JSON, written beside the target and renamed, so a reader never sees half a model.</summary>
    public void Save(string path)
    {
        byte[] bytes;
        lock (_gate)
        {
            NativeMethods.Check(NativeMethods.XGBoosterSaveModelToBuffer(_handle, JsonFormat, out var length, out var buffer), "save a model");
            bytes = new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public void Dispose() => _handle.Dispose();

    private static XgboostBooster Create(XgboostMatrix[] cached)
    {
        var pointers = new IntPtr[cached.Length];
        var added = 0;
        try
        {
            for (; added < cached.Length; added++)
            {
                var ignored = false;
                cached[added].Handle.DangerousAddRef(ref ignored);
                pointers[added] = cached[added].Handle.DangerousGetHandle();
            }

            fixed (IntPtr* matrices = pointers)
            {
                NativeMethods.Check(NativeMethods.XGBoosterCreate(matrices, (ulong)pointers.Length, out var booster), "create a booster");
                return new XgboostBooster(BoosterHandle.Of(booster));
            }
        }
        finally
        {
            for (var index = 0; index < added; index++)
            {
                cached[index].Handle.DangerousRelease();
            }
        }
    }

    private TrainingReport Boost(XgboostMatrix train, XgboostMatrix? validation, BoosterSettings settings, CancellationToken cancellationToken)
    {
        var scores = new List<double>();
        string? metric = null;
        var best = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            NativeMethods.Check(NativeMethods.XGBoosterUpdateOneIter(_handle, round, train.Handle), $"boost round {round}");
            if (validation is null)
            {
                best = round;
                continue;
            }

            (metric, var score) = Evaluate(round, validation);
            scores.Add(score);
            if (settings.EarlyStoppingRounds is null || round == 0 || IsBetter(metric, score, scores[best]))
            {
                best = round;
            }
            else if (round - best >= settings.EarlyStoppingRounds)
            {
                break;
            }
        }

        return new TrainingReport(validation is null ? settings.Rounds : scores.Count, best, metric, scores);
    }

    private static bool IsBetter(string metric, double score, double bestScore) =>
        BoosterSettings.IsMaximized(metric) ? score > bestScore : score < bestScore;

    /// <summary>Evaluates the validation matrix; XGBoost answers "[round]\tvalidation-metric:value…", the last metric counting.</summary>
    private (string Metric, double Score) Evaluate(int round, XgboostMatrix validation)
    {
        var name = Marshal.StringToCoTaskMemUTF8("validation");
        var added = false;
        try
        {
            validation.Handle.DangerousAddRef(ref added);
            var matrix = validation.Handle.DangerousGetHandle();
            NativeMethods.Check(NativeMethods.XGBoosterEvalOneIter(_handle, round, &matrix, &name, 1, out var result), $"evaluate round {round}");
            var text = Marshal.PtrToStringUTF8(result) ?? "";
            var last = text.Split('\t', StringSplitOptions.RemoveEmptyEntries)[^1];
            var colon = last.LastIndexOf(':');
            var metric = last[..colon]["validation-".Length..];
            return (metric, double.Parse(last[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        finally
        {
            if (added)
            {
                validation.Handle.DangerousRelease();
            }

            Marshal.FreeCoTaskMem(name);
        }
    }

    private XgboostBooster Slice(int rounds)
    {
        NativeMethods.Check(NativeMethods.XGBoosterSlice(_handle, 0, rounds, 1, out var sliced), $"keep the first {rounds} rounds");
        return new XgboostBooster(BoosterHandle.Of(sliced));
    }
}
