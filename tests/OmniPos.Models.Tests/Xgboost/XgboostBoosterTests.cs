using OmniPos.Models.Xgboost;

namespace OmniPos.Models.Tests.Xgboost;

/// <summary>The binding against the real libxgboost.so.0: training, early stopping, missing values, saving and errors.</summary>
public sealed class XgboostBoosterTests
{
    private static readonly Dictionary<string, string> Regression = new()
    {
        ["objective"] = "reg:squarederror",
        ["eta"] = "0.1",
        ["max_depth"] = "4",
        ["nthread"] = "2",
        ["seed"] = "7",
    };

    [Fact]
    public void A_booster_learns_a_nonlinear_function_far_better_than_its_mean()
    {
        var (trainX, trainY) = Curve(2_000, seed: 1);
        var (testX, testY) = Curve(500, seed: 2);
        using var train = Matrix(trainX, trainY);
        using var test = Matrix(testX, testY);

        var (booster, report) = XgboostBooster.Train(train, null, new BoosterSettings(Regression, Rounds: 200));
        using (booster)
        {
            var predicted = booster.Predict(test);

            Assert.Equal(200, booster.BoostedRounds);
            Assert.Equal(199, report.BestRound);
            Assert.Equal(2, booster.FeatureCount);
            var mean = testY.Average();
            Assert.True(Rmse(predicted, testY) < 0.2 * Rmse(testY.Select(_ => mean).ToArray(), testY));
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_rounds_up_to_the_best_validation_score()
    {
        var (trainX, trainY) = Curve(300, seed: 3, noise: 1.0);
        var (validX, validY) = Curve(300, seed: 4, noise: 1.0);
        using var train = Matrix(trainX, trainY);
        using var validation = Matrix(validX, validY);
        var deep = new Dictionary<string, string>(Regression) { ["max_depth"] = "8", ["eta"] = "0.3", ["eval_metric"] = "rmse" };

        var (booster, report) = XgboostBooster.Train(train, validation, new BoosterSettings(deep, Rounds: 1_000, EarlyStoppingRounds: 10));
        using (booster)
        {
            Assert.Equal("rmse", report.Metric);
            Assert.True(report.RoundsBoosted < 1_000, $"boosted {report.RoundsBoosted} rounds on noise");
            Assert.Equal(report.BestRound + 10, report.RoundsBoosted - 1);
            Assert.Equal(report.ValidationScores.Min(), report.BestScore);
            Assert.Equal(report.BestRound + 1, booster.BoostedRounds);
            Assert.Equal(report.BestScore!.Value, Rmse(booster.Predict(validation), validY), precision: 4);
        }
    }

    [Fact]
    public void Missing_values_learn_a_direction_of_their_own()
    {
        var values = new float[400];
        var labels = new float[400];
        for (var row = 0; row < 400; row++)
        {
            var missing = row % 4 == 0;
            values[row] = missing ? float.NaN : row % 7;
            labels[row] = missing ? 10f : 1f;
        }

        using var train = XgboostMatrix.FromDense(values, 400, 1);
        train.SetLabels(labels);
        using var probe = XgboostMatrix.FromDense([float.NaN, 3f], 2, 1);

        var (booster, _) = XgboostBooster.Train(train, null, new BoosterSettings(Regression, Rounds: 100));
        using (booster)
        {
            var predicted = booster.Predict(probe);

            Assert.Equal(10f, predicted[0], 0.1f);
            Assert.Equal(1f, predicted[1], 0.1f);
        }
    }

    [Fact]
    public void A_saved_model_loads_back_with_its_attributes_and_predicts_the_same()
    {
        var (trainX, trainY) = Curve(500, seed: 5);
        using var train = Matrix(trainX, trainY);
        var path = Path.Combine(Path.GetTempPath(), $"omnipos-model-{Guid.NewGuid():N}", "demand.json");
        try
        {
            var (booster, _) = XgboostBooster.Train(train, null, new BoosterSettings(Regression, Rounds: 50));
            float[] before;
            using (booster)
            {
                booster.SetAttribute("features", "x,y");
                before = booster.Predict(train);
                booster.Save(path);
            }

            using var loaded = XgboostBooster.Load(path);

            Assert.Equal(before, loaded.Predict(train));
            Assert.Equal("x,y", loaded.GetAttribute("features"));
            Assert.Null(loaded.GetAttribute("absent"));
            Assert.Equal(50, loaded.BoostedRounds);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void XGBoost_errors_arrive_with_its_own_text()
    {
        var (trainX, trainY) = Curve(50, seed: 6);
        using var train = Matrix(trainX, trainY);
        var wrong = new Dictionary<string, string>(Regression) { ["objective"] = "reg:nonsense" };

        var unknown = Assert.Throws<XgboostException>(() => XgboostBooster.Train(train, null, new BoosterSettings(wrong, Rounds: 5)));
        Assert.Contains("reg:nonsense", unknown.Message);

        var garbage = Path.GetTempFileName();
        try
        {
            File.WriteAllText(garbage, "not a model");
            var unreadable = Assert.Throws<XgboostException>(() => XgboostBooster.Load(garbage));
            Assert.StartsWith("XGBoost failed to load the model", unreadable.Message);
        }
        finally
        {
            File.Delete(garbage);
        }

        var badRate = new Dictionary<string, string>(Regression) { ["eta"] = "fast" };
        Assert.Contains("could not be parsed", Assert.Throws<XgboostException>(() => XgboostBooster.Train(train, null, new BoosterSettings(badRate, Rounds: 5))).Message);

        var (booster, _) = XgboostBooster.Train(train, null, new BoosterSettings(Regression, Rounds: 5));
        using (booster)
        using (var narrow = XgboostMatrix.FromDense([1f], 1, 1))
        {
            var mismatch = Assert.Throws<ArgumentException>(() => booster.Predict(narrow));
            Assert.Contains("1 columns", mismatch.Message);
        }
    }

    [Fact]
    public void Shapes_that_do_not_fit_are_refused_before_XGBoost_sees_them()
    {
        Assert.Throws<ArgumentException>(() => XgboostMatrix.FromDense(new float[5], 2, 3));
        using var matrix = XgboostMatrix.FromDense(new float[6], 2, 3);
        Assert.Throws<ArgumentException>(() => matrix.SetLabels([1f]));
        Assert.Throws<ArgumentException>(() => XgboostBooster.Train(matrix, null, new BoosterSettings(Regression, Rounds: 5, EarlyStoppingRounds: 3)));
    }

    [Fact]
    public void A_booster_outlives_the_matrices_it_was_trained_on()
    {
        var (trainX, trainY) = Curve(300, seed: 8);
        XgboostBooster booster;
        using (var train = Matrix(trainX, trainY))
        {
            (booster, _) = XgboostBooster.Train(train, null, new BoosterSettings(Regression, Rounds: 20));
        }

        using (booster)
        using (var again = Matrix(trainX, trainY))
        {
            Assert.Equal(300, booster.Predict(again).Length);
        }
    }

    private static XgboostMatrix Matrix(float[] features, float[] labels)
    {
        var matrix = XgboostMatrix.FromDense(features, labels.Length, features.Length / labels.Length);
        matrix.SetLabels(labels);
        return matrix;
    }

    /// <summary>y = sin(3a) + b², with a tenth of the b values missing (then y = sin(3a)), plus noise.</summary>
    private static (float[] Features, float[] Labels) Curve(int rows, int seed, double noise = 0.05)
    {
        var random = new Random(seed);
        var features = new float[rows * 2];
        var labels = new float[rows];
        for (var row = 0; row < rows; row++)
        {
            var a = random.NextDouble() * 2 - 1;
            var b = random.NextDouble() * 2 - 1;
            var bMissing = random.NextDouble() < 0.1;
            features[row * 2] = (float)a;
            features[(row * 2) + 1] = bMissing ? float.NaN : (float)b;
            labels[row] = (float)(Math.Sin(3 * a) + (bMissing ? 0 : b * b) + (noise * (random.NextDouble() - 0.5)));
        }

        return (features, labels);
    }

    private static double Rmse(float[] predicted, float[] actual) =>
        Math.Sqrt(predicted.Zip(actual, (p, a) => (double)(p - a) * (p - a)).Average());
}
