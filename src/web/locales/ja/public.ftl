# The public pages: check a number, search, profiles, reports.

home-title = 本当に本物ですか？
home-intro = 電話番号を入力すると、認証済みの事業者の番号かどうかがわかります。事業者名を入力すると、その事業者の公式番号を探せます。
home-label = 電話番号または事業者名
home-region = 番号の国
home-region-intl = 国際（+で始まる番号）
home-hint = 先頭に+がない番号は、選択した国の番号として扱います。
home-button = 確認
home-result = 結果
home-belongs = この番号の事業者：
badge-verified-detail = bizsealは、この事業者の身元と、この番号を事業者が管理していることを確認しました。
badge-registered-detail = この番号は登録されていますが、その背後にある事業者の身元は確認されていません。未認証の番号として扱ってください。
badge-unknown-detail = この番号はbizsealに登録されていません。誰からの連絡かわかりません。コード、パスワード、お金を渡さないでください。
badge-suspended-detail = この番号の事業者は停止されています。この番号からの電話やメッセージを信用しないでください。
badge-revoked-detail = この番号は以前は認証されていましたが、認証が取り消されました。
home-revoked-on = { $date }に取り消されました。
home-revoked-reason = 理由：{ $reason }
home-reports = { $count ->
   *[other] 過去30日間に迷惑行為または詐欺として{ $count }回通報されています。
}
home-see-profile = 事業者のプロフィールを見る
home-invalid = 有効な電話番号ではなく、一致する事業者もありません。数字と国を確認してください。
home-too-long = 番号や名前としては長すぎます。
home-error = 確認できませんでした。しばらくしてからもう一度お試しください。

search-count = { $count ->
   *[other] { $count }件の事業者が見つかりました
}
search-none = 「{ $query }」に一致する事業者は見つかりませんでした。
search-unavailable = 現在、検索はご利用いただけません。電話番号の確認はご利用いただけます。
search-official = 公式番号
search-report = この事業者の番号を通報する

profile-legal-name = 正式名称
profile-category = カテゴリ
profile-location = 所在地
profile-website = ウェブサイト
profile-numbers = 電話番号
profile-no-numbers = 電話番号は登録されていません。
profile-names = 他の言語での名称
profile-commands = クイック返信
profile-commands-help = これらの言葉のいずれかを事業者の番号に送ると、すぐに回答が届きます。
profile-commands-other = 他の言語のクイック返信
profile-logo = { $name }のロゴ
profile-verified-detail = bizsealは、この事業者の身元と、「認証済み」と表示された番号を事業者が管理していることを確認しました。
profile-no-numbers-detail = bizsealはこの事業者の身元を確認しましたが、現在、認証済みの番号はありません。電話やメッセージにはご注意ください。
profile-registered-detail = この事業者は登録済みですが、身元はまだ確認されていません。
profile-suspended-detail = この事業者は停止されています。この事業者の番号からの電話やメッセージを信用しないでください。

report-title = 番号を通報する
report-intro = これらの番号から迷惑メッセージや詐欺の電話を受けましたか？お知らせください。すべての通報を審査担当者が読んでいます。
report-open = この番号を通報する
report-this-number = { $number }を通報する
report-number = 番号
report-reason = 何があったか
report-reason-spam = 迷惑行為（スパム）
report-reason-scam = 詐欺
report-reason-impersonation = 事業者へのなりすまし
report-reason-other = その他
report-comment = コメント（任意）
report-next = 通報は匿名です。複数の人が同じ番号を通報すると、審査担当者が確認します。
report-send = 通報を送信
report-thanks = ありがとうございます。通報を受け付けました。
report-what-next = 通報は30日間カウントされます。複数の異なる人が同じ番号を通報すると、審査担当者に回され、担当者はその番号の事業者を停止できます。通報だけでバッジが外れることはないため、通報するだけでバッジを外させることは誰にもできません。
report-check-again = もう一度番号を確認する
report-too-many = 短時間に多くの通報が送信されました。しばらく待ってから、もう一度お試しください。
report-comment-too-long = コメントが長すぎます。1000文字以内にしてください。
report-bad-number = 通報できる電話番号ではありません。
report-incomplete = 通報に番号または理由がありませんでした。
report-failed = 通報を送信できませんでした。しばらくしてからもう一度お試しください。
