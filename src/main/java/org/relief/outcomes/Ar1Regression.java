package org.relief.outcomes;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;

/**
 * Linear regression of a time-ordered series with, when the series is long enough, first-order autoregressive
 * errors. Short series (fewer than the policy's autocorrelation minimum, 12 by default: CLINICAL_RULES §12) are fitted
 * by ordinary least squares. Longer ones by feasible generalised least squares with an AR(1) covariance: ρ is the
 * lag-1 autocorrelation of the residuals, re-estimated from each fit's residuals until it settles (Cochrane-Orcutt
 * iteration), and the model is fitted by OLS on the Prais-Winsten-transformed series, which is exactly GLS with the
 * covariance ρ^|i-j| (the tests check this against Hipparchus' own {@code GLSMultipleLinearRegression}). All fitting
 * is Hipparchus' (QR decomposition); the design matrix carries its own intercept column.
 */
final class Ar1Regression {

    /** ρ is kept inside this bound so the transformation stays well conditioned. */
    static final double MAX_RHO = 0.95;
    private static final int MAX_ITERATIONS = 25;

    /** The fitted model. */
    record Fit(double[] beta, double[] standardErrors, int degreesOfFreedom, double rho, boolean autocorrelation,
            double tQuantile, int iterations) {

        double lower(int i) {
            return beta[i] - tQuantile * standardErrors[i];
        }

        double upper(int i) {
            return beta[i] + tQuantile * standardErrors[i];
        }
    }

    /** The data cannot support the model (too few readings for its terms, or terms that cannot be told apart). */
    static final class NotEstimable extends Exception {
        NotEstimable(String message) {
            super(message);
        }
    }

    private Ar1Regression() {
    }

    static Fit fit(double[] y, double[][] x, int minPointsForAutocorrelation, double confidence) throws NotEstimable {
        int n = y.length;
        int p = x.length == 0 ? 0 : x[0].length;
        boolean ar = n >= minPointsForAutocorrelation;
        int df = n - p - (ar ? 1 : 0);
        if (p == 0 || df < 1) {
            throw new NotEstimable("too few readings (" + n + ") for the " + p + " terms of the model");
        }
        OLSMultipleLinearRegression ols = ols(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double rho = 0;
        int iterations = 0;
        if (ar) {
            rho = clamp(lag1(residuals(y, x, beta)));
            for (iterations = 1; iterations <= MAX_ITERATIONS; iterations++) {
                OLSMultipleLinearRegression pw = praisWinsten(y, x, rho);
                beta = pw.estimateRegressionParameters();
                double next = clamp(lag1(residuals(y, x, beta)));
                if (Math.abs(next - rho) < 1e-6) {
                    rho = next;
                    break;
                }
                rho = next;
            }
            ols = praisWinsten(y, x, rho);
            beta = ols.estimateRegressionParameters();
        }
        double[] se = ols.estimateRegressionParametersStandardErrors();
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Fit(beta, se, df, rho, ar, t, iterations);
    }

    /** OLS on the Prais-Winsten transformation for a given ρ (the first row scaled by sqrt(1 - ρ²)). */
    static OLSMultipleLinearRegression praisWinsten(double[] y, double[][] x, double rho) throws NotEstimable {
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
        return ols(ty, tx);
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

    static double[] residuals(double[] y, double[][] x, double[] beta) {
        double[] fitted = MatrixUtils.createRealMatrix(x).operate(beta);
        double[] e = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            e[i] = y[i] - fitted[i];
        }
        return e;
    }

    /** Lag-1 autocorrelation of residuals: sum e(t) e(t-1) / sum e(t)^2. */
    static double lag1(double[] e) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < e.length; i++) {
            den += e[i] * e[i];
            if (i > 0) {
                num += e[i] * e[i - 1];
            }
        }
        return den == 0 ? 0 : num / den;
    }

    private static double clamp(double rho) {
        return Math.max(-MAX_RHO, Math.min(MAX_RHO, rho));
    }
}
