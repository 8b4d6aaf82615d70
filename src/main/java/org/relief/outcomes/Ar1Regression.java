package org.relief.outcomes;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Linear regression of a time-ordered series with, when the series is long enough, first-order autoregressive
 * errors. Short series (fewer than the policy's autocorrelation minimum, 12 by default: CLINICAL_RULES §12) are fitted
 * by ordinary least squares. Longer ones by generalised least squares with an AR(1) covariance whose rho is the
 * restricted maximum likelihood (REML) estimate, as Turner et al. 2021 recommend (found by Hipparchus' Brent
 * optimiser); given rho the model is fitted by OLS on the Prais-Winsten-transformed series, which is exactly GLS with
 * the covariance rho^|i-j| (the tests check this against Hipparchus' own {@code GLSMultipleLinearRegression}). All
 * fitting is Hipparchus' (QR decomposition); the design matrix carries its own intercept column.
 */
final class Ar1Regression {

    /** ρ is kept inside this bound so the transformation stays well conditioned. */
    static final double MAX_RHO = 0.95;

    /** The fitted model ({@code tQuantile} for the two-sided confidence asked for). */
    record Fit(
            double[] beta,
            double[] standardErrors,
            RealMatrix modelCovariance,
            RealMatrix robustCovariance,
            int degreesOfFreedom,
            double rho,
            boolean autocorrelation,
            double tQuantile,
            int evaluations) {

        double lower(int i) {
            return beta[i] - tQuantile * standardErrors[i];
        }

        double upper(int i) {
            return beta[i] + tQuantile * standardErrors[i];
        }

        /**
         * The estimate of a linear combination of the coefficients, sum c_j beta_j, and its standard error: the larger
         * of the model's and the robust (Newey-West) one, as for each coefficient.
         */
        double[] contrast(double[] c) {
            RealVector v = MatrixUtils.createRealVector(c);
            double est = v.dotProduct(MatrixUtils.createRealVector(beta));
            double var = v.dotProduct(modelCovariance.operate(v));
            if (robustCovariance != null) {
                var = Math.max(var, v.dotProduct(robustCovariance.operate(v)));
            }
            return new double[] {est, Math.sqrt(Math.max(0, var))};
        }

        /** Student's t quantile for a two-sided interval that holds for k estimates at once (Bonferroni). */
        double tQuantile(double confidence, int k) {
            return new TDistribution(degreesOfFreedom)
                    .inverseCumulativeProbability(1 - (1 - confidence) / (2.0 * Math.max(1, k)));
        }
    }

    /** The data cannot support the model (too few readings for its terms, or terms that cannot be told apart). */
    static final class NotEstimable extends Exception {
        NotEstimable(String message) {
            super(message);
        }
    }

    private Ar1Regression() {}

    static Fit fit(double[] y, double[][] x, int minPointsForAutocorrelation, double confidence) throws NotEstimable {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        boolean ar = n >= minPointsForAutocorrelation;
        int df = n - p - (ar ? 1 : 0);
        if (p == 0 || df < 1) {
            throw new NotEstimable("too few readings (" + n + ") for the " + p + " terms of the model");
        }
        OLSMultipleLinearRegression ols = ols(y, x);
        double rho = 0;
        int evaluations = 0;
        if (ar && ols.calculateResidualSumOfSquares() > 1e-18) {
            BrentOptimizer brent = new BrentOptimizer(1e-8, 1e-7);
            UnivariatePointValuePair best = brent.optimize(
                    new MaxEval(500),
                    new UnivariateObjectiveFunction(r -> restrictedLogLikelihood(y, x, r)),
                    GoalType.MAXIMIZE,
                    new SearchInterval(-MAX_RHO, MAX_RHO, 0));
            rho = best.getPoint();
            evaluations = brent.getEvaluations();
            ols = praisWinsten(y, x, rho);
        }
        double[] beta = ols.estimateRegressionParameters();
        RealMatrix model = MatrixUtils.createRealMatrix(ols.estimateRegressionParametersVariance())
                .scalarMultiply(ols.estimateErrorVariance());
        RealMatrix robust = ar ? neweyWest(transform(y, x, rho)[1], ols.estimateResiduals(), df) : null;
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            double v = model.getEntry(j, j);
            if (robust != null) {
                v = Math.max(v, robust.getEntry(j, j));
            }
            se[j] = Math.sqrt(Math.max(0, v));
        }
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Fit(beta, se, model, robust, df, rho, ar, t, evaluations);
    }

    /**
     * The Newey-West bandwidth for n readings: floor(4 (n / 100)^(2/9)) lags (Newey &amp; West, Rev Econ Stud 1994,
     * the rule of thumb for the Bartlett kernel).
     */
    static int bandwidth(int n) {
        return (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
    }

    /**
     * A covariance of the coefficients that stays honest when the AR(1) model leaves autocorrelation behind: the Newey-West
     * (Bartlett-kernel) sandwich on the Prais-Winsten-transformed design and its residuals ("prewhitened HAC",
     * Andrews &amp; Monahan, Econometrica 1992), scaled by n / df. Whole-number pain scores are an AR(1) series plus
     * rounding noise, which an AR(1) fit reads as a lower rho and so too narrow an interval; this catches it. All
     * matrix work is Hipparchus'.
     */
    static RealMatrix neweyWest(double[][] tx, double[] residuals, int df) {
        int n = residuals.length;
        RealMatrix x = MatrixUtils.createRealMatrix(tx);
        int p = x.getColumnDimension();
        RealMatrix bread =
                new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
        RealMatrix scores = MatrixUtils.createRealMatrix(n, p);
        for (int i = 0; i < n; i++) {
            scores.setRowVector(i, x.getRowVector(i).mapMultiply(residuals[i]));
        }
        RealMatrix meat = scores.transpose().multiply(scores);
        int lags = Math.min(bandwidth(n), n - 1);
        for (int l = 1; l <= lags; l++) {
            double w = 1 - l / (lags + 1.0);
            RealMatrix lead = scores.getSubMatrix(l, n - 1, 0, p - 1);
            RealMatrix lag = scores.getSubMatrix(0, n - 1 - l, 0, p - 1);
            RealMatrix g = lead.transpose().multiply(lag);
            meat = meat.add(g.add(g.transpose()).scalarMultiply(w));
        }
        return bread.multiply(meat).multiply(bread).scalarMultiply(n / (double) df);
    }

    /**
     * The restricted (REML) log-likelihood of an AR(1) regression at a given rho, up to a constant, with sigma^2
     * profiled out: -1/2 [(n - p) log RSS + log det(X' V^-1 X) + log det V], where V is the AR(1) covariance of unit
     * innovation variance (det V = 1 / (1 - rho^2)) and both RSS and X' V^-1 X come from the Prais-Winsten-transformed
     * data (its QR decomposition: log det = 2 sum log |R_ii|).
     */
    static double restrictedLogLikelihood(double[] y, double[][] x, double rho) {
        double[][][] t = transform(y, x, rho);
        RealMatrix tx = MatrixUtils.createRealMatrix(t[1]);
        QRDecomposition qr = new QRDecomposition(tx, 1e-12);
        RealVector ty = MatrixUtils.createRealVector(t[0][0]);
        RealVector beta = qr.getSolver().solve(ty);
        double rss = ty.subtract(tx.operate(beta)).getNorm();
        rss = rss * rss;
        RealMatrix r = qr.getR();
        double logDet = 0;
        for (int j = 0; j < tx.getColumnDimension(); j++) {
            logDet += 2 * Math.log(Math.abs(r.getEntry(j, j)));
        }
        int n = y.length;
        int p = tx.getColumnDimension();
        return -0.5 * ((n - p) * Math.log(rss) + logDet - Math.log(1 - rho * rho));
    }

    /** OLS on the Prais-Winsten transformation for a given rho (the first row scaled by sqrt(1 - rho^2)). */
    static OLSMultipleLinearRegression praisWinsten(double[] y, double[][] x, double rho) throws NotEstimable {
        double[][][] t = transform(y, x, rho);
        return ols(t[0][0], t[1]);
    }

    /** The Prais-Winsten transformation of y and of each column of x: {{y'}, x'}. */
    private static double[][][] transform(double[] y, double[][] x, double rho) {
        int n = y.length;
        int p = x[0].length;
        double[] ty = new double[n];
        double[][] tx = new double[n][p];
        double s = Math.sqrt(1 - rho * rho);
        ty[0] = s * y[0];
        for (int j = 0; j < p; j++) {
            tx[0][j] = s * x[0][j];
        }
        for (int i = 1; i < n; i++) {
            ty[i] = y[i] - rho * y[i - 1];
            for (int j = 0; j < p; j++) {
                tx[i][j] = x[i][j] - rho * x[i - 1][j];
            }
        }
        return new double[][][] {{ty}, tx};
    }

    private static OLSMultipleLinearRegression ols(double[] y, double[][] x) throws NotEstimable {
        OLSMultipleLinearRegression r = new OLSMultipleLinearRegression(1e-10);
        r.setNoIntercept(true);
        try {
            r.newSampleData(y, x);
            r.estimateRegressionParameters();
        } catch (MathIllegalArgumentException e) {
            throw new NotEstimable("the terms of the model cannot be told apart with these readings");
        }
        return r;
    }
}
