# The page shell, and words every page shares.

nav-skip = 本文へスキップ
nav-label = メインナビゲーション
nav-check = 番号を確認
nav-apply = 事業者の方へ
nav-account = 自社アカウント
lang-label = 言語
site-footer = bizsealは、電話番号が名乗っている事業者のものかどうかを確認します。

notfound-title = ページが見つかりません
notfound-text = このアドレスには何もありません。
error-title = エラーが発生しました
error-text = ページを表示できませんでした。しばらくしてからもう一度お試しください。

# Badges: for someone who has never heard of attestations.
badge-verified = 認証済みの事業者
badge-registered = 未認証 — ご注意ください
badge-unknown = 不明な番号 — ご注意ください
badge-suspended = 停止中 — ご注意ください
badge-revoked = 認証取り消し — ご注意ください
badge-no-numbers = 身元確認済み — 現在、認証済みの番号はありません

# A number's state, as a short label.
status-verified = 認証済み
status-registered = 未認証
status-unknown = 不明
status-suspended = 停止中
status-revoked = 取り消し済み
# Country and category names.

region-AE = アラブ首長国連邦
region-AR = アルゼンチン
region-AT = オーストリア
region-AU = オーストラリア
region-BE = ベルギー
region-BO = ボリビア
region-BR = ブラジル
region-CA = カナダ
region-CH = スイス
region-CL = チリ
region-CN = 中国
region-CO = コロンビア
region-CR = コスタリカ
region-CU = キューバ
region-DE = ドイツ
region-DO = ドミニカ共和国
region-EC = エクアドル
region-ES = スペイン
region-FR = フランス
region-GB = イギリス
region-GQ = 赤道ギニア
region-GT = グアテマラ
region-HN = ホンジュラス
region-IE = アイルランド
region-IN = インド
region-IT = イタリア
region-JP = 日本
region-MX = メキシコ
region-NI = ニカラグア
region-NL = オランダ
region-PA = パナマ
region-PE = ペルー
region-PL = ポーランド
region-PR = プエルトリコ
region-PT = ポルトガル
region-PY = パラグアイ
region-SA = サウジアラビア
region-SV = エルサルバドル
region-TR = トルコ
region-US = アメリカ合衆国
region-UY = ウルグアイ
region-VE = ベネズエラ

category-airline = 航空会社
category-bank = 銀行
category-ecommerce = オンラインショップ
category-government = 行政機関
category-healthcare = 医療
category-insurance = 保険
category-restaurant = 飲食店
category-retail = 小売店
category-telecom = 通信
category-travel = 旅行
category-utility = 電気・ガス・水道
category-other = その他

# Why an action was refused, one message per error code (src/error_code.rs),
# shown next to the form that was sent.
code-malformed-json = リクエストを読み取れませんでした。
code-unprocessable-body = フォームの入力が不完全でした。もう一度入力してください。
code-unsupported-media-type = リクエストを読み取れませんでした。
code-payload-too-large = 一度に送信できる量を超えています。
code-method-not-allowed = ここではその操作はできません。
code-not-found = 見つかりませんでした。削除された可能性があります。
code-invalid-request = 入力内容を確認してください。
code-invalid-number = 有効な電話番号ではありません。数字と国を確認してください。
code-unauthorized = キーが正しくありません。確認して、もう一度お試しください。
code-forbidden = この操作を行う権限がありません。
code-rate-limited = 短時間に何度も試行されました。少し待ってから、もう一度お試しください。
code-wrong-code = コードが正しくありません。メッセージを確認して、もう一度お試しください。
code-code-expired = このコードは有効期限が切れています。新しいコードをリクエストしてください。
code-too-many-attempts = 間違ったコードの入力が多すぎます。新しいコードをリクエストしてください。
code-no-code = この番号にはまだコードが送信されていません。先にコードをリクエストしてください。
code-number-locked = 間違ったコードの入力が多すぎたため、この番号はしばらくロックされています。
code-business-suspended = この事業者は停止中のため、現在この操作はできません。
code-not-suspended = この事業者は停止されていません。
code-already-verified = この事業者はすでに認証済みです。
code-nothing-proven = 申請を送信する前に、少なくとも1つの電話番号の確認を済ませてください。
code-resubmit-later = この申請は先ほど審査結果が出たところです。少し時間をおいてから再送信できます。
code-nothing-waits = 判断を待っているものはありません。
code-flag-not-submission = これは申請ではなくフラグです。却下するか、事業者を停止してください。
code-not-flagged = ここにはフラグが付いたものはありません。
code-already-proven = この番号はすでに確認済みです。
code-not-attested = この番号には取り消すバッジがありません。
code-not-held = この番号はこの事業者のものではありません。
code-revoked-by-reviewer = 審査担当者がこの番号を取り消しました。解除できるのは審査担当者だけです。
code-no-domain-challenge = 先にドメインの確認を開始してください。
code-challenge-changed = その間にドメインの確認がやり直されました。新しい内容を確認してください。
code-search-running = 検索インデックスが処理中です。しばらくしてからもう一度お試しください。
code-sender-failed = 現在コードを送信できませんでした。しばらくしてからもう一度お試しください。
code-timeout = 時間がかかりすぎました。もう一度お試しください。
code-unavailable = サービスが混み合っています。しばらくしてからもう一度お試しください。
code-storage-full = 現在、サービスでデータを保存できません。後でもう一度お試しください。
code-internal = こちら側で問題が発生しました。後でもう一度お試しください。
# A field that was refused, when it has no message of its own.
invalid-field = この項目を確認してください。
invalid-url = 公開サーバー上の https アドレス（ポート 443）を、ユーザー名やパスワードを含めずに入力してください。
invalid-reason = 理由を入力してください（1～1000文字、プレーンテキスト）。

# A refused field of a business's forms, by the service's name for the
# field (src/web/forms.rs): what to put there instead.
invalid-legal-name = 登記上の正式名称を入力してください（200文字以内）。
invalid-names = 表示されている各言語の名称（200文字以内）と、主な言語での名称を入力してください。
invalid-default-lang = 主な言語を選択してください。
invalid-category = カテゴリを選択してください。
invalid-country = 国を選択してください。
invalid-city = 市区町村は200文字以内で入力してください。
invalid-website = ウェブサイトのアドレスを入力してください（例：https://example.com）。
invalid-logo-url = ロゴのアドレスを入力してください（例：https://example.com/logo.png）。
invalid-description = 説明ごとに言語を選択してください。各説明は2000文字以内です。
invalid-commands = クイック返信は60件までです。
invalid-commands-keyword = キーワードは、小文字のa～z、数字、「-」、「_」からなる1語で、40文字以内です。
invalid-commands-reply = 各キーワードには、2000文字以内の返信が必要です。
invalid-commands-lang = 各キーワードはそれぞれの言語で一度だけクイック返信にできます。キーワードか言語を変更してください。
invalid-code = コードは、送信したメッセージに記載された6桁の数字です。
invalid-domain = example.com のようなドメイン名を、http:// やパスを付けずに入力してください。
