-- Every promotion whose discount some landed sale line carried: its dates, and the SKUs and stock locations it was
-- taken on. A promotion on the books that sold nothing has nothing to measure.
SELECT p.promotion_id, p.name, p.starts_on, p.ends_on,
       list(DISTINCT s.sku ORDER BY s.sku) AS skus, list(DISTINCT s.location ORDER BY s.location) AS locations
FROM dim_promotion p JOIN fact_sale_lines s USING (promotion_id)
WHERE NOT s.is_gift_card
GROUP BY ALL
ORDER BY p.starts_on, p.promotion_id
