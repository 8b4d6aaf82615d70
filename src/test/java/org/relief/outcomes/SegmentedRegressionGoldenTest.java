package org.relief.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.stat.regression.GLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the regression against values computed independently, by hand or with closed-form formulas in the
 * test, and the AR(1) fit against Hipparchus' own GLS with the full covariance matrix.
 */
class SegmentedRegressionGoldenTest {

    private static final LocalDate D0 = LocalDate.of(2026, 1, 5);
    /** Student's t, 97.5th percentile, 6 degrees of freedom (printed tables: 2.447). */
    private static final double T_975_DF6 = 2.446911851;

    private static OutcomeSeries weekly(double... ys) {
        List<OutcomeSeries.Reading> rs = new ArrayList<>();
        for (int i = 0; i < ys.length; i++) {
            rs.add(new OutcomeSeries.Reading(D0.plusWeeks(i), ys[i]));
        }
        return new OutcomeSeries(Measure.NRS, rs);
    }

    private static TherapyAnalysis.Coefficient coef(TherapyAnalysis a, String key) {
        return a.coefficients().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sixPointLineByHand() {
        // y = 2 + 0.5 per week, exactly: intercept 2, trend 0.5, no residual.
        TherapyAnalysis a =
                new SegmentedRegression(OutcomesPolicy.defaults()).analyse(weekly(2, 2.5, 3, 3.5, 4, 4.5), List.of());
        assertThat(coef(a, "baseline.level").estimate()).isCloseTo(2.0, within(1e-9));
        assertThat(coef(a, "baseline.trend").estimate()).isCloseTo(0.5, within(1e-9));
        assertThat(coef(a, "baseline.trend").standardError()).isCloseTo(0.0, within(1e-9));
        assertThat(a.method().name()).contains("ordinary least squares");
        assertThat(a.method().text()).contains("intervals run too narrow");
        assertThat(a.notes()).anyMatch(n -> n.kind() == TherapyAnalysis.Note.Kind.LIMITATION);
    }

    @Test
    void eightPointLineAgainstClosedFormSimpleRegression() {
        double[] y = {7, 6, 6.5, 5, 5.5, 4, 4.5, 3};
        TherapyAnalysis a = new SegmentedRegression(OutcomesPolicy.defaults()).analyse(weekly(y), List.of());
        // Closed form: slope = Sxy / Sxx, intercept = ybar - slope xbar, SE(slope) = sqrt(s^2 / Sxx), s^2 = SSE/(n-2).
        int n = y.length;
        double xbar = (n - 1) / 2.0;
        double ybar = 0;
        for (double v : y) {
            ybar += v / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (i - xbar) * (i - xbar);
            sxy += (i - xbar) * (y[i] - ybar);
        }
        double slope = sxy / sxx;
        double intercept = ybar - slope * xbar;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - intercept - slope * i;
            sse += e * e;
        }
        double seSlope = Math.sqrt(sse / (n - 2) / sxx);
        // Hand check of the closed form itself: Sxx = 42, Sxy = -21.25 for these numbers (sum of (x - 3.5) y).
        assertThat(sxx).isEqualTo(42.0);
        assertThat(sxy).isCloseTo(-21.25, within(1e-12));
        TherapyAnalysis.Coefficient trend = coef(a, "baseline.trend");
        assertThat(trend.estimate()).isCloseTo(slope, within(1e-10));
        assertThat(coef(a, "baseline.level").estimate()).isCloseTo(intercept, within(1e-10));
        assertThat(trend.standardError()).isCloseTo(seSlope, within(1e-10));
        assertThat(trend.lower()).isCloseTo(slope - T_975_DF6 * seSlope, within(1e-6));
        assertThat(trend.upper()).isCloseTo(slope + T_975_DF6 * seSlope, within(1e-6));
    }

    @Test
    void levelAndSlopeChangeEqualTwoSeparateLines() {
        // With level and slope change at the start, the model is two lines fitted to each segment; the level change
        // is their gap at the start and the slope change their difference (closed form per segment).
        double[] before = {6, 6.4, 5.9, 6.3, 6.1};
        double[] after = {4.2, 4.0, 3.9, 3.5, 3.6};
        double[] all = new double[10];
        System.arraycopy(before, 0, all, 0, 5);
        System.arraycopy(after, 0, all, 5, 5);
        OutcomesPolicy small = OutcomesPolicy.defaults().with(OutcomesPolicy.MIN_POINTS_PER_SEGMENT, 3);
        TherapyAnalysis a = new SegmentedRegression(small)
                .analyse(weekly(all), List.of(new Exposure("Physical therapy", D0.plusWeeks(5), null)));
        double[] l1 = line(new double[] {0, 1, 2, 3, 4}, before);
        double[] l2 = line(new double[] {5, 6, 7, 8, 9}, after);
        double levelChange = (l2[0] + l2[1] * 5) - (l1[0] + l1[1] * 5);
        double slopeChange = l2[1] - l1[1];
        double s2 = (l1[2] + l2[2]) / (10 - 4);
        double seSlopeChange = Math.sqrt(s2 * (1 / 10.0 + 1 / 10.0)); // Sxx = 10 in each segment
        TherapyAnalysis.TherapyEffect pt = a.effectOf("Physical therapy");
        assertThat(pt.levelChange().estimate()).isCloseTo(levelChange, within(1e-10));
        assertThat(pt.slopeChange().estimate()).isCloseTo(slopeChange, within(1e-10));
        assertThat(pt.slopeChange().standardError()).isCloseTo(seSlopeChange, within(1e-10));
        assertThat(pt.slopeChange().upper() - pt.slopeChange().estimate())
                .isCloseTo(T_975_DF6 * seSlopeChange, within(1e-6));
        assertThat(pt.levelChange().estimate()).isLessThan(-1.5);
    }

    /** Simple regression by closed form: {intercept, slope, SSE}. */
    private static double[] line(double[] x, double[] y) {
        double xb = 0;
        double yb = 0;
        for (int i = 0; i < x.length; i++) {
            xb += x[i] / x.length;
            yb += y[i] / y.length;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            sxx += (x[i] - xb) * (x[i] - xb);
            sxy += (x[i] - xb) * (y[i] - yb);
        }
        double b = sxy / sxx;
        double a = yb - b * xb;
        double sse = 0;
        for (int i = 0; i < x.length; i++) {
            sse += Math.pow(y[i] - a - b * x[i], 2);
        }
        return new double[] {a, b, sse};
    }

    @Test
    void praisWinstenEqualsGlsWithTheFullAr1Covariance() throws Exception {
        int n = 40;
        double rho = 0.6;
        double[] y = new double[n];
        double[][] x = new double[n][3];
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            x[i][1] = i / 7.0;
            x[i][2] = i >= 20 ? 1 : 0;
            y[i] = 5 + 0.1 * x[i][1] - 1.5 * x[i][2] + r.nextGaussian();
        }
        double[][] omega = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                omega[i][j] = Math.pow(rho, Math.abs(i - j));
            }
        }
        GLSMultipleLinearRegression gls = new GLSMultipleLinearRegression();
        gls.setNoIntercept(true);
        gls.newSampleData(y, x, omega);
        var pw = Ar1Regression.praisWinsten(y, x, rho);
        double[] b1 = gls.estimateRegressionParameters();
        double[] b2 = pw.estimateRegressionParameters();
        double[] s1 = gls.estimateRegressionParametersStandardErrors();
        double[] s2 = pw.estimateRegressionParametersStandardErrors();
        for (int j = 0; j < 3; j++) {
            assertThat(b2[j]).isCloseTo(b1[j], within(1e-9));
            assertThat(s2[j]).isCloseTo(s1[j], within(1e-9));
        }
    }

    @Test
    void remlRhoMaximisesTheRestrictedLikelihoodComputedFromTheFullCovariance() throws Exception {
        // Independent check of the REML criterion: -1/2 [log det V + log det X'V^-1 X + (n-p) log RSS] with V the
        // full AR(1) covariance (rho^|i-j| / (1 - rho^2)) inverted by Hipparchus' LU, at several rho values; the two
        // must differ only by a constant.
        int n = 30;
        double[] y = new double[n];
        double[][] x = new double[n][2];
        java.util.Random r = new java.util.Random(3);
        double e = 0;
        for (int i = 0; i < n; i++) {
            e = 0.6 * e + r.nextGaussian();
            x[i][0] = 1;
            x[i][1] = i;
            y[i] = 4 - 0.05 * i + e;
        }
        double[] rhos = {-0.5, 0, 0.3, 0.6, 0.9};
        double offset = Double.NaN;
        for (double rho : rhos) {
            double[][] v = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    v[i][j] = Math.pow(rho, Math.abs(i - j)) / (1 - rho * rho);
                }
            }
            var vm = org.hipparchus.linear.MatrixUtils.createRealMatrix(v);
            var lu = new org.hipparchus.linear.LUDecomposition(vm);
            var vi = lu.getSolver().getInverse();
            var xm = org.hipparchus.linear.MatrixUtils.createRealMatrix(x);
            var xtvix = xm.transpose().multiply(vi).multiply(xm);
            var beta = new org.hipparchus.linear.LUDecomposition(xtvix)
                    .getSolver()
                    .solve(xm.transpose().multiply(vi).operate(org.hipparchus.linear.MatrixUtils.createRealVector(y)));
            var res = org.hipparchus.linear.MatrixUtils.createRealVector(y).subtract(xm.operate(beta));
            double rss = res.dotProduct(vi.operate(res));
            double full = -0.5
                    * (Math.log(lu.getDeterminant())
                            + Math.log(new org.hipparchus.linear.LUDecomposition(xtvix).getDeterminant())
                            + (n - 2) * Math.log(rss));
            double mine = Ar1Regression.restrictedLogLikelihood(y, x, rho);
            if (Double.isNaN(offset)) {
                offset = full - mine;
            }
            assertThat(full - mine).as("rho " + rho).isCloseTo(offset, within(1e-8));
        }
        // And the fit picks the maximiser: no rho on a fine grid does better.
        Ar1Regression.Fit fit = Ar1Regression.fit(y, x, 12, 0.95);
        double best = Ar1Regression.restrictedLogLikelihood(y, x, fit.rho());
        for (double rho = -0.94; rho < 0.95; rho += 0.01) {
            assertThat(Ar1Regression.restrictedLogLikelihood(y, x, rho)).isLessThanOrEqualTo(best + 1e-9);
        }
        assertThat(fit.rho()).isBetween(0.2, 0.9);
    }

    @Test
    void longerSeriesUsesAr1AndSaysSo() {
        Simulator.Patient p = Simulator.simulate(Simulator.noEffect(D0), 3);
        TherapyAnalysis a = new SegmentedRegression(OutcomesPolicy.defaults()).analyse(p.series(), p.exposures());
        assertThat(a.method().name()).contains("AR(1)");
        assertThat(a.method().text()).contains("rho = ").contains("REML").contains("Prais-Winsten");
        assertThat(a.method().source()).contains("Turner");
    }
}
