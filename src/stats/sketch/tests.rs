use super::*;

#[test]
fn counts_read_back_from_their_packed_form() {
    let store = Store {
        offset: 7,
        counts: vec![0, 1, 31, 32, 1023, 1024, 65_535, 1 << 20, u32::MAX, 5],
    };
    let text = serde_json::to_string(&store).unwrap();
    assert_eq!(serde_json::from_str::<Store>(&text).unwrap(), store);
    // Runs of empty buckets, long and short, inside and at both ends.
    let mut counts = vec![0, 0, 0, 4, 0, 7, 0, 0];
    counts.extend(std::iter::repeat_n(0, 5000));
    counts.extend([9, 0]);
    let store = Store { offset: 3, counts };
    let text = serde_json::to_string(&store).unwrap();
    assert_eq!(serde_json::from_str::<Store>(&text).unwrap(), store);
    // One character for a count under 32.
    let small = Store {
        offset: 0,
        counts: vec![3; 100],
    };
    let text = serde_json::to_string(&small).unwrap();
    assert!(text.len() < 130, "{text}");
    // Bad text is an error, never a panic.
    for bad in [
        r#"{"offset":0,"counts":"gh!"}"#,
        r#"{"offset":0,"counts":"AB"}"#,
        r#"{"offset":0,"counts":"AAAAAAAAg"}"#,
        r#"{"offset":0,"counts":"ffffff_"}"#,
        r#"{"offset":0,"counts":"fffffffg"}"#,
        r#"{"offset":0,"counts":"gh."}"#,
        r#"{"offset":0,"counts":".."}"#,
        r#"{"offset":0,"counts":".fffff5"}"#,
        r#"{"offset":0,"counts":"A.g"}"#,
        r#"{"offset":0,"counts":[1,2]}"#,
    ] {
        assert!(serde_json::from_str::<Store>(bad).is_err(), "{bad}");
    }
}

#[test]
fn whole_numbers_are_exact() {
    let mut s = Sketch::default();
    for x in 1..=1000 {
        s.add(f64::from(x));
    }
    assert_eq!(s.quantile(0.5), Some(500.0));
    assert_eq!(s.quantile(0.05), Some(50.0));
    assert_eq!(s.quantile(0.95), Some(950.0));
    assert_eq!(s.mean(), Some(500.5));
}

#[test]
fn relative_error_is_bounded_and_negatives_order() {
    let mut s = Sketch::default();
    for x in -500..=1500 {
        s.add(f64::from(x) * 1234.567);
    }
    for q in [0.05, 0.25, 0.5, 0.75, 0.95] {
        let rank = (q * 2001.0_f64).ceil() as i32;
        let exact = f64::from(-500 + rank - 1) * 1234.567;
        let got = s.quantile(q).unwrap();
        assert!(
            (got - exact).abs() <= exact.abs() * RELATIVE_ERROR,
            "{q}: {got} vs {exact}"
        );
    }
}

#[test]
fn merge_is_order_free() {
    let values: Vec<f64> = (0..5000)
        .map(|i| ((i * 7919) % 10007) as f64 * 0.37 - 900.0)
        .collect();
    let mut whole = Sketch::default();
    values.iter().for_each(|&v| whole.add(v));
    let mut parts: Vec<Sketch> = values
        .chunks(777)
        .map(|c| {
            let mut s = Sketch::default();
            c.iter().for_each(|&v| s.add(v));
            s
        })
        .collect();
    parts.reverse();
    let mut merged = Sketch::default();
    parts.iter().for_each(|p| merged.merge(p));
    assert_eq!(merged, whole);
}

#[test]
fn adding_in_batches_is_adding_one_by_one() {
    // Negatives, zeros, undefined values, huge and tiny ones, repeats,
    // and keys below and above the first ones seen (the buckets grow
    // both ways mid-batch).
    let mut values: Vec<f64> = (0..3000)
        .map(|i| ((i * 7919) % 10007) as f64 * 0.37 - 900.0)
        .collect();
    values.extend([0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
    values.extend([1e300, -1e300, 1e-300, 5e13, -5e13, 7.0, 7.0, 7.0]);
    let mut one = Sketch::default();
    values.iter().for_each(|&v| one.add(v));
    let mut batched = Sketch::default();
    let mut keys = Vec::new();
    for chunk in values.chunks(1000) {
        batched.add_all(chunk.iter().copied(), &mut keys);
    }
    assert_eq!(batched, one);
    assert_eq!(batched.count(), values.len() as u64);
}

#[test]
fn standard_deviation_from_the_buckets() {
    // Whole numbers up to 2,048 sit in their own buckets: exact.
    let mut s = Sketch::default();
    (1..=1000).for_each(|x| s.add(f64::from(x)));
    let exact = (1000.0_f64 * 1001.0 / 12.0).sqrt();
    assert!((s.std_dev().unwrap() - exact).abs() < 1e-9 * exact);
    assert!((s.mean_se().unwrap() - exact / 1000f64.sqrt()).abs() < 1e-9);
    // A narrow spread on a large offset: the binning barely shows.
    let mut s = Sketch::default();
    (0..10_000).for_each(|i| s.add(1e7 + f64::from(i % 100) * 1e3));
    let exact =
        1e3 * (100.0_f64 * 100.0 - 1.0).sqrt() / 12f64.sqrt() * (10_000.0_f64 / 9_999.0).sqrt();
    let got = s.std_dev().unwrap();
    assert!((got - exact).abs() < 0.01 * exact, "{got} vs {exact}");
    let mut one = Sketch::default();
    one.add(3.0);
    assert_eq!(one.std_dev(), None);
}

#[test]
fn quantile_se_of_an_even_grid_is_its_sparsity() {
    // Values spread evenly over [0, 1000): Q(p) = 1000 p, so the sparsity
    // is 1000 and se = 1000 sqrt(p (1 - p) / n), even where the window
    // spans few buckets (0.5 wide near 950) or few whole numbers.
    for (n, step) in [(100_000, 0.01), (4000, 0.25), (1000, 1.0)] {
        let mut s = Sketch::default();
        (0..n).for_each(|i| s.add(f64::from(i) * step));
        for p in [0.05, 0.5, 0.95] {
            let want = f64::from(n) * step * (p * (1.0 - p) / f64::from(n)).sqrt();
            let got = s.quantile_se(p).unwrap();
            assert!((got - want).abs() < 0.03 * want, "{n} {p}: {got} vs {want}");
        }
    }
    let mut fixed = Sketch::default();
    (0..50).for_each(|_| fixed.add(2000.0));
    assert_eq!(fixed.quantile_se(0.95), Some(0.0));
    assert_eq!(fixed.mean_se(), Some(0.0));
}

#[test]
fn a_quantile_on_a_step_has_the_error_of_the_step() {
    // 8 or 9 people: P5 sits where the share at or below 8 crosses 5 %.
    // The nearest-rank P5 is 8 or 9 with about even chances from run to
    // run, a spread of about 0.5; the smooth estimate gives a few
    // hundredths.
    let n = 100_000;
    let mut s = Sketch::default();
    (0..n).for_each(|i| s.add(if i < n / 20 { 8.0 } else { 9.0 }));
    let se = s.quantile_se(0.05).unwrap();
    assert!((0.45..=0.5).contains(&se), "{se}");
    assert!(s.view().smooth_quantile_se(0.05).unwrap() < 0.05);
    // Far from the step, the quantile does not move: no step's error.
    assert!(s.view().step_se(0.5).unwrap() < 1e-12);
    // The closed form of the normal approximation at one deviation off.
    let mut off = Sketch::default();
    let sigma = (f64::from(n) * 0.05 * 0.95).sqrt();
    let below = (f64::from(n) * 0.05 - sigma).round() as i32;
    (0..n).for_each(|i| off.add(if i < below { 8.0 } else { 9.0 }));
    let z = (f64::from(below) - f64::from(n) * 0.05 + 0.5) / sigma;
    let p8 = 0.5 * libm::erfc(-z / std::f64::consts::SQRT_2);
    let want = (p8 * (1.0 - p8)).sqrt();
    let got = off.view().step_se(0.05).unwrap();
    assert!((got - want).abs() < 1e-12, "{got} vs {want}");
}

#[test]
fn undefined_values_rank_last() {
    let mut s = Sketch::default();
    for x in 0..90 {
        s.add(f64::from(x));
    }
    for _ in 0..10 {
        s.add(f64::INFINITY);
    }
    assert_eq!(s.quantile(0.9), Some(89.0));
    assert_eq!(s.quantile(0.95), None);
    assert_eq!(s.mean(), None);
    assert!((s.undefined_share() - 0.1).abs() < 1e-12);
}

#[test]
fn a_ratio_undefined_in_some_trials_is_drawn_over_the_others() {
    // 1,000 defined values and 60 undefined ones (6 %: a cost per
    // additional job where some trials have none).
    let mut s = Sketch::default();
    for x in 1..=1000 {
        s.add(f64::from(x) * 100.0);
    }
    for _ in 0..60 {
        s.add(f64::INFINITY);
    }
    let h = s.histogram(20);
    assert_eq!(h.counts.len(), 20, "bins are drawn");
    let inside: u64 = h.counts.iter().sum();
    // Every defined value is in a bin or outside them, none undefined.
    assert_eq!(inside + h.below + h.above, 1000);
    // The bins run from the defined values' 1st to 99th percentile (1,000
    // and 99,000 here, within the sketch's relative error), not past them.
    let near = |x: f64, want: f64| (x - want).abs() <= 2.0 * RELATIVE_ERROR * want;
    assert!(near(h.edges[0], 1000.0), "{}", h.edges[0]);
    assert!(
        near(*h.edges.last().unwrap(), 99_000.0),
        "{}",
        h.edges.last().unwrap()
    );
    assert!(
        h.below <= 10 && h.above <= 12,
        "{} below, {} above",
        h.below,
        h.above
    );
    // None defined: nothing to draw.
    let mut none = Sketch::default();
    none.add(f64::NAN);
    assert!(none.histogram(20).counts.is_empty());
}
